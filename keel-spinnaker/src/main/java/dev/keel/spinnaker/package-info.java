/**
 * Keel's cloud ports over a real Spinnaker: {@link dev.keel.spinnaker.SpinnakerClouds} builds the HTTP
 * {@code Ec2Cloud} and {@code TitusCloud} for a plugin configured with {@code cloud: spinnaker}, from its
 * {@link dev.keel.spinnaker.SpinnakerConfig} and the host's {@link dev.keel.spi.http.HttpTransport} (or the JDK's).
 * Failures of a call are {@link dev.keel.spinnaker.SpinnakerCallException}s naming the call.
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker;

import javax.annotation.ParametersAreNonnullByDefault;
