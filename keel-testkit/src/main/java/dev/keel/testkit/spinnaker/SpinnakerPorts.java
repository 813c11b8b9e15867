package dev.keel.testkit.spinnaker;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spinnaker.SpinnakerClouds;
import dev.keel.spinnaker.SpinnakerConfig;
import dev.keel.titus.api.TitusCloud;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The cloud ports a test's handlers use: the simulated clouds themselves, or the Spinnaker adapters of
 * {@code keel-spinnaker} ({@code HttpEc2Cloud}, {@code HttpTitusCloud}) talking HTTP to a {@link FakeSpinnaker} that
 * serves those same clouds. A test written once runs both ways; the system property {@value #PROPERTY}
 * ({@code in-process}, the default, or {@code spinnaker}) picks the way, so a build runs the same test classes a
 * second time over HTTP with nothing in them changed. The test keeps driving and inspecting the simulated clouds
 * directly (seeding, faults, truth); only what the handlers, resolvers, vetoes and task monitors talk to differs.
 *
 * <pre>{@code
 * SimulatedEc2 sim = SimulatedEc2.withDefaults(scheduler.clock());
 * SpinnakerPorts ports = SpinnakerPorts.of(scheduler.clock(), sim, null);
 * Ec2Cloud cloud = ports.ec2(sim);                   // sim itself, or HttpEc2Cloud over a fake serving sim
 * ...
 * ports.close();                                      // stops the fake, if one was started
 * }</pre>
 *
 * <p>Needs {@code dev.keel:keel-spinnaker} on the test class path (an optional dependency of keel-testkit).
 */
public final class SpinnakerPorts implements AutoCloseable {

  /** The system property that picks the way: {@code in-process} (the default) or {@code spinnaker}. */
  public static final String PROPERTY = "keel.test.cloud";

  @Nullable
  private final FakeSpinnaker fake;
  @Nullable
  private final SpinnakerClouds adapters;

  private SpinnakerPorts(@Nullable FakeSpinnaker fake, @Nullable SpinnakerClouds adapters) {
    this.fake = fake;
    this.adapters = adapters;
  }

  /**
   * Whether the build asks for the HTTP way ({@value #PROPERTY}{@code =spinnaker}).
   *
   * @return true for the adapters over a fake Spinnaker
   * @throws IllegalStateException for a value that is neither {@code in-process} nor {@code spinnaker}
   */
  public static boolean overHttp() {
    String value = System.getProperty(PROPERTY, "in-process").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "in-process", "" -> false;
      case "spinnaker" -> true;
      default -> throw new IllegalStateException("-D" + PROPERTY + " takes in-process or spinnaker, not '" + value
          + "'");
    };
  }

  /**
   * The ports the build asks for ({@link #overHttp()}): with {@code spinnaker}, a fake Spinnaker is started on the
   * clouds' clock serving the given clouds, and the adapters are configured with its URLs.
   *
   * @param clock the clouds' clock (virtual time in scenarios)
   * @param ec2 the simulated EC2 to serve, or null
   * @param titus the simulated Titus to serve, or null
   * @return the ports
   */
  public static SpinnakerPorts of(Clock clock, @Nullable Ec2Cloud ec2, @Nullable TitusCloud titus) {
    return overHttp() ? overHttp(clock, ec2, titus) : new SpinnakerPorts(null, null);
  }

  /**
   * The adapters over a fake Spinnaker serving the given clouds, whatever the build asks for. Spinnaker keeps no
   * catalog of base images, so the EC2 adapter is handed the simulated EC2's as its {@code BaseImageSource}, as
   * a host hands in its dynamic configuration: a base image the test publishes reaches the adapter at once, as an
   * operator's update of that configuration would. No Spinnaker endpoint serves them.
   *
   * @param clock the clouds' clock
   * @param ec2 the EC2 to serve, or null
   * @param titus the Titus to serve, or null
   * @return the ports
   */
  public static SpinnakerPorts overHttp(Clock clock, @Nullable Ec2Cloud ec2, @Nullable TitusCloud titus) {
    FakeSpinnaker.Builder b = FakeSpinnaker.builder(clock);
    if (ec2 != null) {
      b.ec2(ec2);
    }
    if (titus != null) {
      b.titus(titus);
    }
    FakeSpinnaker fake = b.start();
    try {
      SpinnakerConfig config = SpinnakerConfig.defaults(fake.clouddriverUrl(), fake.orcaUrl())
          .withDefaultSecurityGroups(fake.defaultSecurityGroups());
      return new SpinnakerPorts(fake, new SpinnakerClouds(SpinnakerClouds.jdk(config, "test"), config, clock,
          ec2 == null ? null : ec2::baseImage));
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  /**
   * The EC2 the handlers use.
   *
   * @param simulated the simulated EC2 (the one the fake serves, over HTTP)
   * @return {@code simulated} in process, else the HTTP adapter
   */
  public Ec2Cloud ec2(Ec2Cloud simulated) {
    return adapters == null ? Objects.requireNonNull(simulated, "simulated") : adapters.ec2();
  }

  /**
   * The Titus the handlers use.
   *
   * @param simulated the simulated Titus (the one the fake serves, over HTTP)
   * @return {@code simulated} in process, else the HTTP adapter
   */
  public TitusCloud titus(TitusCloud simulated) {
    return adapters == null ? Objects.requireNonNull(simulated, "simulated") : adapters.titus();
  }

  /**
   * The fake Spinnaker, over HTTP.
   *
   * @return it, or empty in process
   */
  public Optional<FakeSpinnaker> fake() {
    return Optional.ofNullable(fake);
  }

  /**
   * The adapters' Spinnaker (its Orca client, for a pipeline evaluator), over HTTP.
   *
   * @return it, or empty in process
   */
  public Optional<SpinnakerClouds> adapters() {
    return Optional.ofNullable(adapters);
  }

  /** Stops the fake Spinnaker, if one was started. */
  @Override
  public void close() {
    if (fake != null) {
      fake.close();
    }
  }
}
