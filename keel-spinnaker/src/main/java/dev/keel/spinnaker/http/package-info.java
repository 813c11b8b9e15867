/**
 * The HTTP layer under the Clouddriver and Orca clients: the JDK's transport ({@link
 * dev.keel.spinnaker.http.JdkHttpTransport}), and {@link dev.keel.spinnaker.http.SpinnakerHttp}, which adds
 * Spinnaker's headers, retries reads with jittered back-off, reads 404 as absent, parses JSON and names the call in
 * every failure.
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.http;

import javax.annotation.ParametersAreNonnullByDefault;
