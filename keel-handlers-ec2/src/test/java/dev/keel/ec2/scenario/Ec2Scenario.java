package dev.keel.ec2.scenario;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.bake.BakeConstraintEvaluator;
import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.handler.ApplicationLoadBalancerHandler;
import dev.keel.ec2.handler.ClassicLoadBalancerHandler;
import dev.keel.ec2.handler.Ec2Clouds;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An engine on virtual time with the EC2 plugin's extensions over one simulated EC2. */
final class Ec2Scenario implements AutoCloseable {

  final VirtualScheduler scheduler;
  final SimulatedEc2 cloud;
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
    bakery = new Bakery(cloud, "test", 3, bakeEvents::add);
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).giveUpPolicy(policy).rateLimits(rateLimits).build();
    harness = EngineHarness.builder().scheduler(scheduler).config(config).engine(b -> (promoted
        ? b.constraintEvaluator(new PassingPipelineEvaluator()).constraintEvaluator(new BakeConstraintEvaluator(bakery))
        : b.artifacts(artifacts))
        .handler(new Ec2ClusterHandler(cloud))
        .handler(new SecurityGroupHandler(cloud))
        .handler(new ClassicLoadBalancerHandler(cloud))
        .handler(new ApplicationLoadBalancerHandler(cloud))
        .taskMonitor(new CloudTaskMonitor(Ec2Clouds.tasks(cloud)))
        .resolver(new ImageResolver(cloud, "test", promoted ? bakery : null))
        .resolver(new KeyPairResolver(cloud))
        .resolver(new NetworkResolver(cloud))
        .resolver(new LoadBalancerDefaultsResolver())
        .migrator(new dev.keel.ec2.migrate.ClusterV1Migrator())
        .migrator(new dev.keel.ec2.migrate.ApplicationLoadBalancerV1Migrator())
        .migrator(new dev.keel.ec2.migrate.ApplicationLoadBalancerV1_1Migrator())
        .veto(new RequiredDependenciesVeto(cloud))).build();
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
    harness.engine().submit(config);
    harness.advance(Duration.ofMinutes(2));
    return harness.advanceUntil(() -> allHappy(config) && noTaskRunning(), Duration.ofMinutes(1), limit);
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
    harness.close();
  }
}
