package dev.keel.engine.internal.promotion;

import dev.keel.engine.MovingClock;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spi.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotion of artifact {@code fnord} through {@code test} and {@code prod} (which depends on test and has an
 * allowed-times window that is always open), driven directly: publishing, checks, deployments, convergence.
 */
final class PromotionFixture {

  static final ResourceKind KIND = ResourceKind.parse("test/app@v1");

  record AppSpec(String id, String artifactReference, String artifactVersion) implements ArtifactReferencing {
    @Override
    public String application() {
      return "fnord";
    }

    @Override
    public AppSpec withArtifactVersion(String version) {
      return new AppSpec(id, artifactReference, version);
    }
  }

    final InMemoryStore store = new InMemoryStore();
  final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T10:00:00Z"));
  final List<KeelEvent> events = new ArrayList<>();
  final DeliveryConfig config;
  final Promotions promotions;

  PromotionFixture() {
    this(List.of(new DependsOnConstraint("test"),
        new AllowedTimesConstraint(List.of(new TimeWindow(null, null)), "UTC", null)), ZoneId.of("America/Los_Angeles"));
  }

  PromotionFixture(List<Constraint> prodConstraints, ZoneId defaultZone) {
    this(prodConstraints, defaultZone, List.of());
  }

  PromotionFixture(List<Constraint> prodConstraints, ZoneId defaultZone, List<ConstraintEvaluator<?>> evaluators) {
    config = new DeliveryConfig("fnord", null, null, List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(new Environment("test", List.of(app("test")), List.of(), List.of(), List.of(), null),
            new Environment("prod", List.of(app("prod")), prodConstraints, List.of(), List.of(), null)));
    store.storeDeliveryConfig(config, clock.instant());
    promotions = new Promotions(store, clock, evaluators, List.of(), id -> { }, name -> { }, 15, defaultZone, events::add,
        EvaluatorCalls.direct(clock));
  }

  static Resource<AppSpec> app(String env) {
    return new Resource<>(KIND, new AppSpec("app-" + env, "fnord", null));
  }

  static EnvironmentArtifact where(String env) {
    return new EnvironmentArtifact("fnord-manifest", env, "fnord");
  }

  static String version(String v) {
    return "fnord-" + v;
  }

  void publish(String v) {
    promotions.publish(new ArtifactVersion("deb", "fnord", v, null, null, Map.of()), List.of(config));
  }

  void check() {
    promotions.check(config);
  }

  /** Deploys a version to an environment's resource and reports it converged there. */
  void deploy(String env, String v) {
    StoredResource stored = store.resource(app(env).id()).orElseThrow();
    Resource<AppSpec> resolved = app(env).withSpec(app(env).spec().withArtifactVersion(version(v)));
    promotions.gate().beforeExecute(stored, resolved);
    clock.advance(Duration.ofMinutes(1));
    store.saveState(ResourceState.initial(stored.id()).checked(CheckResult.IN_SYNC, clock.instant(), null)
        .withArtifactVersion(version(v)));
    promotions.gate().afterCheck(stored, new CheckReport(new ResourcePlan(stored.id(), KIND, PlannedAction.NONE,
        ResourceStatus.HAPPY, null, null, null, List.of(), null, List.of(), null), CheckResult.IN_SYNC), resolved);
  }

  PromotionStatus status(String env, String v) {
    return store.promotions(where(env)).stream().filter(r -> r.version().equals(version(v))).findFirst()
        .map(PromotionRecord::status).orElse(PromotionStatus.PENDING);
  }

  List<ConstraintState> constraints(String env, String v) {
    return store.constraintStates(where(env), version(v));
  }

  <T extends KeelEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
