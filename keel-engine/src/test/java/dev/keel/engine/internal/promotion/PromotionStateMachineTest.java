package dev.keel.engine.internal.promotion;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.promotion.InvalidVetoException;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of publishes, promotion checks, deployments, convergence, vetoes, un-vetoes, pins and
 * unpins never leave an environment with two CURRENT versions, a vetoed version current or desired.
 */
class PromotionStateMachineTest {

  private static final ResourceKind KIND = PromotionFixture.KIND;

  record Op(int kind, int version) {}

  @Test
  void noVersionIsEverBothCurrentAndVetoedAndAtMostOneIsCurrent() {
    qt().withFixedSeed(2026L).withExamples(1_000)
        .forAll(lists().of(integers().between(0, 7).zip(integers().between(0, 4), Op::new)).ofSizeBetween(1, 40))
        .check(ops -> {
          InMemoryStore store = new InMemoryStore();
          Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
          Resource<PromotionFixture.AppSpec> app = new Resource<>(KIND, new PromotionFixture.AppSpec("app", "fnord", null));
          DeliveryConfig config = new DeliveryConfig("fnord", null, null,
              List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
              List.of(new Environment("test", List.of(app), List.of(), List.of(), List.of(), null)));
          store.storeDeliveryConfig(config, clock.instant());
          Promotions promotions = new Promotions(store, clock, List.of(), List.of(), id -> { }, name -> { }, 15);
          EnvironmentArtifact where = new EnvironmentArtifact("fnord-manifest", "test", "fnord");
          StoredResource stored = store.resource(app.id()).orElseThrow();
          for (Op op : ops) {
            String version = "fnord-1." + op.version() + ".0";
            boolean published = store.artifactVersions("deb", "fnord").stream().anyMatch(v -> v.version().equals(version));
            try {
              switch (op.kind()) {
                case 0 -> promotions.publish(new ArtifactVersion("deb", "fnord", "1." + op.version() + ".0", null, null,
                    Map.of()), List.of(config));
                case 1 -> promotions.check(config);
                case 2 -> promotions.gate().beforeExecute(stored, app.withSpec(app.spec().withArtifactVersion(version)));
                case 3 -> {
                  Resource<PromotionFixture.AppSpec> resolved = app.withSpec(app.spec().withArtifactVersion(version));
                  store.saveState(ResourceState.initial(app.id()).checked(CheckResult.IN_SYNC, clock.instant(), null)
                      .withArtifactVersion(version));
                  promotions.gate().afterCheck(stored, new CheckReport(new ResourcePlan(app.id(), KIND, PlannedAction.NONE,
                      ResourceStatus.HAPPY, null, null, null, List.of(), null, List.of(), null), CheckResult.IN_SYNC), resolved);
                }
                case 4 -> promotions.veto(config, "test", "fnord", version, "tester", null, op.version() % 2 == 0);
                case 5 -> promotions.unveto(config, "test", "fnord", version);
                case 6 -> {
                  if (published) {
                    promotions.pin(config, "test", "fnord", version, "tester", null);
                  }
                }
                default -> promotions.unpin(config, "test", "fnord");
              }
            } catch (InvalidVetoException expected) {
              // refusals are part of the machine
            }
            List<PromotionRecord> records = store.promotions(where);
            long current = records.stream().filter(r -> r.status() == PromotionStatus.CURRENT).count();
            if (current > 1) {
              return false;
            }
            String desired = promotions.view().desiredVersion("fnord-manifest", "test", "fnord").orElse(null);
            boolean desiredVetoed = desired != null && records.stream()
                .anyMatch(r -> r.version().equals(desired) && r.status() == PromotionStatus.VETOED)
                && store.pin(where).map(p -> !p.version().equals(desired)).orElse(true);
            if (desiredVetoed) {
              return false;
            }
            if (store.pin(where).isPresent() && records.stream().anyMatch(r -> r.status() == PromotionStatus.VETOED
                && r.version().equals(store.pin(where).get().version()) && r.vetoedBy() != null
                && !"tester".equals(r.vetoedBy()))) {
              return false;
            }
          }
          return true;
        });
  }
}
