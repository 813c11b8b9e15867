package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.ResourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every resource handler must have, checked through a real engine on virtual time against
 * the handler's fake cloud: desired state is deterministic, a missing resource is created, the resource
 * converges once the launched tasks finish, an in-sync resource launches nothing, and the handler's
 * {@code plan} of an in-sync diff holds no operation. A failure names the paths that differ, not the state.
 *
 * <pre>{@code
 * class Ec2ClusterHandlerContractTest extends HandlerContract<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> {
 *   protected HandlerFixture<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> fixture(VirtualScheduler scheduler) {
 *     SimulatedEc2 cloud = new SimulatedEc2(scheduler.clock());
 *     return new HandlerFixture<>(new Ec2ClusterHandler(cloud), List.of(cloud), List.of(), aCluster());
 *   }
 * }
 * }</pre>
 *
 * @param <S> the spec type
 * @param <R> the model type
 */
public abstract class HandlerContract<S extends ResourceSpec, R> {

  private VirtualScheduler scheduler;
  private HandlerFixture<S, R> fixture;
  private EngineHarness harness;

  /**
   * Builds the handler under test over a fake cloud that runs on the given scheduler.
   *
   * @param scheduler the virtual scheduler the cloud's tasks should use
   * @return the fixture
   */
  protected abstract HandlerFixture<S, R> fixture(VirtualScheduler scheduler);

  /**
   * The most virtual time the resource may take to converge; one hour by default.
   *
   * @return the budget
   */
  protected Duration convergenceBudget() {
    return Duration.ofHours(1);
  }

  /**
   * The engine's configuration; checks every minute and polls tasks every 10 seconds by default.
   *
   * @return the configuration
   */
  protected EngineConfig engineConfig() {
    return EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10)).build();
  }

  /**
   * The delivery config holding the fixture's resource; one environment named {@code test} by default.
   *
   * @param fixtureUnderTest the fixture
   * @return the config
   */
  protected DeliveryConfig deliveryConfig(HandlerFixture<S, R> fixtureUnderTest) {
    return Configs.single(fixtureUnderTest.resource().application(), "test", fixtureUnderTest.resource());
  }

  /** Builds the fixture and an engine around it. */
  @BeforeEach
  void startEngine() {
    scheduler = new VirtualScheduler(java.time.Instant.parse(EngineHarness.DEFAULT_START));
    fixture = Objects.requireNonNull(fixture(scheduler), "fixture(scheduler) returned null");
    harness = EngineHarness.builder().scheduler(scheduler).config(engineConfig()).engine(b -> {
      b.handler(fixture.handler());
      fixture.taskMonitors().forEach(b::taskMonitor);
      fixture.resolvers().forEach(b::resolver);
    }).build();
  }

  /** Closes the engine. */
  @AfterEach
  void stopEngine() {
    harness.close();
  }

  private String id() {
    return fixture.resource().id();
  }

  private ResourcePlan plan() {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(deliveryConfig(fixture));
    harness.runUntilIdle();
    Plan plan = future.join();
    return plan.resource(id()).orElseThrow();
  }

  /** The paths that differ in the resource's plan now, for failure messages: where, never the values. */
  private String differingPaths() {
    ResourcePlan p = plan();
    if (p.diff() == null) {
      return p.action() + (p.message() == null ? "" : ": " + p.message());
    }
    if (p.diff().current() == null) {
      return "the resource does not exist";
    }
    List<String> paths = p.diff().changes().stream().map(c -> c.path().isEmpty() ? "/" : c.path()).toList();
    return paths.isEmpty() ? "no path differs" : "differing paths " + paths;
  }

  private boolean converge() {
    return harness.advanceUntil(() -> harness.status(id()) == ResourceStatus.HAPPY, Duration.ofMinutes(1),
        convergenceBudget());
  }

  @Test
  void desiredStateIsDeterministic() {
    ResourcePlan first = plan();
    ResourcePlan second = plan();

    assertNotNull(first.desired(), () -> "desired state could not be computed: " + first.message());
    assertEquals(first.desired(), second.desired(), "desired() gave different models for the same spec");
  }

  @Test
  void aMissingResourceIsPlannedForCreationAndCreated() {
    ResourcePlan plan = plan();
    assertEquals(PlannedAction.CREATE, plan.action(), () -> "expected a create, got " + plan.action() + ": " + plan.message());
    assertFalse(plan.operations().isEmpty(), "creating a resource must plan at least one operation");

    harness.engine().submit(deliveryConfig(fixture));
    harness.runUntilIdle();

    assertFalse(harness.events(id(), ResourceEvent.ActuationLaunched.class).isEmpty(), "nothing was launched");
  }

  @Test
  void theResourceConvergesOnceItsTasksFinish() {
    harness.engine().submit(deliveryConfig(fixture));

    assertTrue(converge(), () -> "not HAPPY within " + convergenceBudget() + ": " + harness.status(id()) + ", "
        + differingPaths());
    ResourcePlan after = plan();
    assertEquals(PlannedAction.NONE, after.action(), () -> "still drifting after convergence: " + differingPaths());
  }

  @Test
  void anInSyncResourceLaunchesNothing() {
    harness.engine().submit(deliveryConfig(fixture));
    assertTrue(converge(), () -> "the resource did not converge: " + differingPaths());
    int launched = harness.events(id(), ResourceEvent.ActuationLaunched.class).size();

    harness.advance(engineConfig().checkInterval().multipliedBy(10));

    assertEquals(launched, harness.events(id(), ResourceEvent.ActuationLaunched.class).size(),
        "an in-sync resource launched more work");
    assertEquals(ResourceStatus.HAPPY, harness.status(id()));
  }

  @Test
  void theHandlerPlansNoOperationForAnInSyncResource() {
    harness.engine().submit(deliveryConfig(fixture));
    assertTrue(converge(), () -> "the resource did not converge: " + differingPaths());
    ResourcePlan inSync = plan();
    assertNotNull(inSync.diff(), () -> "no diff for the converged resource: " + inSync.message());
    assertFalse(inSync.diff().hasChanges(), this::differingPaths);

    @SuppressWarnings("unchecked")
    ResourceDiff<R> diff = (ResourceDiff<R>) inSync.diff();
    DeliveryConfig config = deliveryConfig(fixture);
    String environment = config.environmentOf(id()).map(Environment::name).orElseThrow();
    ResourceContext context = new InSyncContext(config.application(), config.name(), environment,
        harness.now().plus(engineConfig().callTimeout()), harness.scheduler().clock(), ArtifactView.empty());
    Actuation actuation = fixture.handler().plan(fixture.resource(), diff, context);

    assertTrue(actuation == null || actuation.operations().isEmpty(), () -> "plan() of an in-sync resource (no "
        + "differing path) holds operations: " + actuation.operations().stream().map(o -> o.type() + ": "
        + o.description()).toList());
  }

  /** The context a handler plans an in-sync diff in. */
  private record InSyncContext(String application, String deliveryConfig, String environment, Instant deadline,
      Clock clock, ArtifactView artifacts) implements ResourceContext {}
}
