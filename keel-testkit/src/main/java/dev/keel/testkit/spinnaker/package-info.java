/**
 * A fake Spinnaker for tests and the CLI: Clouddriver's reads and Orca's tasks served over HTTP (the JDK's
 * {@code com.sun.net.httpserver}, on the loopback interface) from an {@code Ec2Cloud} and a {@code TitusCloud},
 * normally the simulated ones, in the payload shapes of the real services, with injectable HTTP faults and a
 * record of every request. {@link dev.keel.testkit.spinnaker.FakeSpinnaker} is the entry point.
 */
@ParametersAreNonnullByDefault
package dev.keel.testkit.spinnaker;

import javax.annotation.ParametersAreNonnullByDefault;
