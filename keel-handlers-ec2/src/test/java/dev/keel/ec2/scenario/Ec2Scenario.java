package dev.keel.ec2.scenario;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.bake.BakeConstraintEvaluator;
import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.handler.ApplicationLoadBalancerHandler;
import dev.keel.ec2.handler.ClassicLoadBalancerHandler;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.ec2.handler.Ec2Ports;
import dev.keel.ec2.handler.Ec2ClusterHandler;
import dev.keel.ec2.handler.SecurityGroupHandler;
import dev.keel.ec2.resolve.ImageResolver;
import dev.keel.ec2.resolve.KeyPairResolver;
import dev.keel.ec2.resolve.LoadBalancerDefaultsResolver;
import dev.keel.ec2.resolve.NetworkResolver;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.ec2.veto.RequiredDependenciesVeto;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.schedule.RateLimit;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An engine on virtual time with the EC2 plugin's extensions over one simulated EC2. */
final class Ec2Scenario implements AutoCloseable {

  final VirtualScheduler scheduler;
  /** The simulated EC2: the test seeds it, injects faults into it and reads its truth. */
  final SimulatedEc2 cloud;
  /** What the extensions talk to: {@link #cloud} itself, or the Spinnaker adapter over a fake serving it. */
  final SpinnakerPorts ports;
  final Ec2Cloud port;
  final TestArtifactView artifacts = new TestArtifactView();
  final EngineHarness harness;
  /** The bake events the bakery published, in order. */
  final List<PluginEvent> bakeEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The bakery the bake constraint and the image resolver share (used in promoted mode). */
  final Bakery bakery;

  Ec2Scenario() {
    this(new GiveUpPolicy(1, Duration.ofMinutes(10), 3));
  }

  Ec2Scenario(GiveUpPolicy policy) {
    this(policy, false);
  }

  /**
   * A scenario whose artifact versions come either from the test's {@link TestArtifactView} or, with
   * {@code promoted}, from the engine's own promotion (publish, constraints, approvals).
   */
  Ec2Scenario(GiveUpPolicy policy, boolean promoted) {
    this(policy, promoted, Map.of());
  }

  /**
   * A scenario with per-kind rate limits. In promoted mode the bakery is on: the implicit {@code bake}
   * constraint and the image resolver share one {@link Bakery} over the simulated EC2 (3 attempts).
   */
  Ec2Scenario(GiveUpPolicy policy, boolean promoted, Map<String, RateLimit> rateLimits) {
    scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
    cloud = SimulatedEc2.withDefaults(scheduler.clock());
    ports = Ec2Ports.of(scheduler, cloud);
    port = ports.ec2(cloud);
    bakery = new Bakery(port, "test", 3, bakeEvents::add);
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).giveUpPolicy(policy).rateLimits(rateLimits).build();
    harness = EngineHarness.builder().scheduler(scheduler).config(config).engine(b -> (promoted
        ? b.constraintEvaluator(new PassingPipelineEvaluator()).constraintEvaluator(new BakeConstraintEvaluator(bakery))
        : b.artifacts(artifacts))
        .handler(new Ec2ClusterHandler(port))
        .handler(new SecurityGroupHandler(port))
        .handler(new ClassicLoadBalancerHandler(port))
        .handler(new ApplicationLoadBalancerHandler(port))
        .taskMonitor(new CloudTaskMonitor(Ec2Clouds.tasks(port)))
        .resolver(new ImageResolver(port, "test", promoted ? bakery : null))
        .resolver(new KeyPairResolver(port))
        .resolver(new NetworkResolver(port))
        .resolver(new LoadBalancerDefaultsResolver())
        .migrator(new dev.keel.ec2.migrate.ClusterV1Migrator())
        .migrator(new dev.keel.ec2.migrate.ApplicationLoadBalancerV1Migrator())
        .migrator(new dev.keel.ec2.migrate.ApplicationLoadBalancerV1_1Migrator())
        .veto(new RequiredDependenciesVeto(port))).build();
  }

  /** Stands in for the Spinnaker adapter's pipeline evaluator: every pipeline "succeeds". */
  static final class PassingPipelineEvaluator
      implements dev.keel.spi.ConstraintEvaluator<dev.keel.spi.model.PipelineConstraint> {
    @Override
    public String type() {
      return dev.keel.spi.model.PipelineConstraint.TYPE;
    }

    @Override
    public Class<dev.keel.spi.model.PipelineConstraint> constraintClass() {
      return dev.keel.spi.model.PipelineConstraint.class;
    }

    @Override
    public dev.keel.spi.ConstraintOutcome evaluate(dev.keel.spi.model.PipelineConstraint constraint,
        dev.keel.spi.PromotionContext context) {
      return dev.keel.spi.ConstraintOutcome.pass();
    }
  }

  static DeliveryConfig config(Resource<?>... resources) {
    return Configs.single("fnord", "test", resources);
  }

  /**
   * Submits the config, lets at least one check happen, then lets virtual time run until every resource is
   * HAPPY and no task runs.
   */
  boolean converge(DeliveryConfig config, Duration limit) {
    registerNamedImages(config);
    harness.engine().submit(config);
    harness.advance(Duration.ofMinutes(2));
    return harness.advanceUntil(() -> allHappy(config) && noTaskRunning(), Duration.ofMinutes(1), limit);
  }

  /**
   * Registers in the simulated EC2 every image a cluster spec of the config names by AMI and version that its
   * catalog lacks in that region, as the bake that made it would have. A spec names an image only as the image
   * catalog has it (Keel writes one from the image resolver or an export), and a cloud deploys only an AMI it has,
   * whose version Clouddriver reads from the image's tags; the simulated EC2 in process would take the version from
   * the deploy request itself, which over Spinnaker carries only the AMI.
   */
  private void registerNamedImages(DeliveryConfig config) {
    config.environments().stream().flatMap(e -> e.resources().stream()).map(Resource::spec)
        .filter(Ec2ClusterSpec.class::isInstance).map(Ec2ClusterSpec.class::cast)
        .filter(spec -> spec.locations() != null)
        .forEach(spec -> spec.locations().regionNames().forEach(region -> {
          ServerGroupSpec override = spec.overrides() == null ? null : spec.overrides().get(region);
          VirtualMachineImage image = Optional.ofNullable(override).map(ServerGroupSpec::launchConfiguration)
              .map(LaunchConfigurationSpec::image)
              .or(() -> Optional.ofNullable(spec.launchConfiguration()).map(LaunchConfigurationSpec::image))
              .orElse(null);
          if (image != null && image.appVersion() != null && cloud.images().stream()
              .noneMatch(i -> image.id().equals(i.amis().get(region)))) {
            cloud.catalog().image(new Catalog.Image(image.appVersion() + "-" + image.id(), image.appVersion(),
                image.baseImageName(), Map.of(region, image.id()), harness.now()));
          }
        }));
  }

  boolean converge(Resource<?> resource) {
    return converge(config(resource), Duration.ofHours(2));
  }

  boolean allHappy(DeliveryConfig config) {
    return config.environments().stream().flatMap(e -> e.resources().stream())
        .allMatch(r -> harness.status(r.id()) == ResourceStatus.HAPPY);
  }

  boolean noTaskRunning() {
    return cloud.tasks().stream().allMatch(t -> t.state().isComplete());
  }

  ResourcePlan plan(Resource<?> resource) {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(config(resource));
    harness.runUntilIdle();
    Plan plan = future.join();
    return plan.resource(resource.id()).orElseThrow();
  }

  List<Operation> planned(Resource<?> resource) {
    return plan(resource).operations();
  }

  List<CloudOperation> submittedOperations() {
    return cloud.submitted().stream().map(TaskRequest::operations).flatMap(List::stream).toList();
  }

  @Override
  public void close() {
    try {
      harness.close();
    } finally {
      ports.close();
    }
  }
}
