package dev.keel.benchmarks;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.ec2.handler.Ec2ClusterHandler;
import dev.keel.ec2.handler.SecurityGroupHandler;
import dev.keel.ec2.sim.Ec2Simulator;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cloud side of one resource check, {@code current()}, of the EC2 plugin's handlers over the same simulated
 * EC2, reached two ways: {@code IN_PROCESS}, the simulated EC2 as the port (what every scenario test uses), and
 * {@code HTTP}, keel-spinnaker's {@code HttpEc2Cloud} calling keel-testkit's {@code FakeSpinnaker} on loopback
 * (JDK HTTP client and server, JSON both ways), which serves that same simulated EC2. The difference is the HTTP
 * path's overhead per check. An EC2 cluster in two regions (one running server group each: one Clouddriver
 * cluster read per region) and a security group in two regions (one read per region).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpinnakerPathBenchmark {

  /** How the handlers reach the simulated EC2. */
  public enum Path {
    /** The simulated EC2 is the port. */
    IN_PROCESS,
    /** The Spinnaker adapter over HTTP to a fake Spinnaker serving the simulated EC2. */
    HTTP
  }

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

  @Param
  public Path path;

  private SpinnakerPorts ports;
  private Ec2ClusterHandler clusters;
  private SecurityGroupHandler securityGroups;
  private Resource<Ec2ClusterSpec> cluster;
  private Resource<SecurityGroupSpec> securityGroup;
  private final ResourceContext context = new Context("fnord", "fnord-manifest", "test",
      CLOCK.instant().plusSeconds(120), CLOCK, ArtifactView.empty());

  /** The context of a check; {@code current()} reads none of it. */
  private record Context(String application, String deliveryConfig, String environment, Instant deadline,
      Clock clock, ArtifactView artifacts) implements ResourceContext {}

  /** Seeds the simulated EC2, picks the port, and checks that both checks find what was seeded. */
  @Setup(Level.Trial)
  public void setUp() {
    SimulatedEc2 sim = SimulatedEc2.withDefaults(CLOCK);
    new Ec2Simulator(sim).seed(Map.of(
        "securityGroups", REGIONS.stream().map(r -> Map.<String, Object>of("name", "fnord", "account", "test",
            "region", r, "description", "fnord's group", "inboundRules", List.of(Map.of("protocol", "tcp",
                "portRange", Map.of("startPort", 7001, "endPort", 7002))))).toList(),
        "serverGroups", REGIONS.stream().map(r -> Map.<String, Object>of("account", "test", "region", r,
            "cluster", "fnord-main", "appVersion", "fnord-1.0.0-h1.abc",
            "capacity", Map.of("min", 2, "max", 2, "desired", 2), "securityGroups", List.of("fnord"))).toList()));
    ports = path == Path.HTTP ? SpinnakerPorts.overHttp(CLOCK, sim, null)
        : SpinnakerPorts.of(CLOCK, sim, null);
    if (path == Path.IN_PROCESS && ports.fake().isPresent()) {
      throw new IllegalStateException("IN_PROCESS must not run with -D" + SpinnakerPorts.PROPERTY + "=spinnaker");
    }
    Ec2Cloud cloud = ports.ec2(sim);
    clusters = new Ec2ClusterHandler(cloud);
    securityGroups = new SecurityGroupHandler(cloud);
    Set<RegionSpec> regions = new LinkedHashSet<>();
    REGIONS.forEach(r -> regions.add(new RegionSpec(r)));
    Locations locations = new Locations("test", null, null, regions);
    cluster = new Resource<>(Ec2Kinds.CLUSTER.kind(), Map.of(Resource.APPLICATION, "fnord"),
        new Ec2ClusterSpec(new Moniker("fnord", "main", null), null, null, DeployWith.redBlack(), null, locations,
            null, null, null, null, null, null, Map.of()));
    securityGroup = new Resource<>(Ec2Kinds.SECURITY_GROUP.kind(), Map.of(Resource.APPLICATION, "fnord"),
        new SecurityGroupSpec(new Moniker("fnord"), locations, "fnord's group",
            Set.of(new SecurityGroupRule("tcp", new PortRange(7001, 7002), null, null, null, null, null, null)),
            Map.of()));
    Map<String, Ec2ServerGroup> groups = clusterCheck();
    Map<String, SecurityGroup> sgs = securityGroupCheck();
    if (groups == null || !groups.keySet().equals(Set.copyOf(REGIONS)) || sgs == null
        || !sgs.keySet().equals(Set.copyOf(REGIONS))) {
      throw new IllegalStateException(path + " does not see the seeded cluster and group in " + REGIONS + ": "
          + groups + ", " + sgs);
    }
  }

  /** Stops the fake Spinnaker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    ports.close();
  }

  /**
   * The current state of an EC2 cluster in two regions.
   *
   * @return it, by region
   */
  @Benchmark
  public Map<String, Ec2ServerGroup> clusterCheck() {
    return clusters.current(cluster, context);
  }

  /**
   * The current state of a security group in two regions.
   *
   * @return it, by region
   */
  @Benchmark
  public Map<String, SecurityGroup> securityGroupCheck() {
    return securityGroups.current(securityGroup, context);
  }
}
