package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionRepository;
import dev.keel.engine.store.PromotionStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link PromotionRepository}: promotion state is kept per environment and
 * artifact.
 *
 * @param <S> the store's type
 */
public abstract class PromotionRepositoryContract<S extends PromotionRepository> extends StoreConcernContract<S> {

  private static final EnvironmentArtifact PROD = new EnvironmentArtifact("fnord-manifest", "prod", "fnord");
  private static final EnvironmentArtifact TEST = new EnvironmentArtifact("fnord-manifest", "test", "fnord");

  @Test
  void savingPromotionsReplacesTheRecordsOfTheSameVersionsInThatEnvironmentOnly() {
    PromotionRecord first = PromotionRecord.approved(PROD, "1.0", T0).current(T0);
    store.savePromotions(List.of(first));
    store.savePromotions(List.of(PromotionRecord.approved(TEST, "1.0", T0)));

    store.savePromotions(List.of(first.replaced(PromotionStatus.PREVIOUS, "1.1", T0.plusSeconds(1)),
        PromotionRecord.approved(PROD, "1.1", T0).current(T0.plusSeconds(1))));

    assertEquals(Map.of("1.0", PromotionStatus.PREVIOUS, "1.1", PromotionStatus.CURRENT),
        store.promotions(PROD).stream().collect(Collectors.toMap(PromotionRecord::version, PromotionRecord::status)));
    assertEquals(List.of(PromotionStatus.APPROVED),
        store.promotions(TEST).stream().map(PromotionRecord::status).collect(Collectors.toList()));
  }

  @Test
  void constraintStatesAreKeptPerVersionAndReplacedPerType() {
    ConstraintState pending = new ConstraintState(PROD, "1.0", "manual-judgement", ConstraintStatus.PENDING, T0,
        null, null, null, Map.of());
    store.saveConstraintState(pending);
    store.saveConstraintState(new ConstraintState(PROD, "1.0", "depends-on", ConstraintStatus.PASS, T0, null, null,
        null, Map.of()));
    store.saveConstraintState(new ConstraintState(PROD, "1.1", "depends-on", ConstraintStatus.FAIL, T0, null, null,
        null, Map.of()));

    store.saveConstraintState(pending.judged(ConstraintStatus.OVERRIDE_PASS, "alice", T0.plusSeconds(5), "ok",
        Map.of()));

    assertEquals(Map.of("manual-judgement", ConstraintStatus.OVERRIDE_PASS, "depends-on", ConstraintStatus.PASS),
        store.constraintStates(PROD, "1.0").stream()
            .collect(Collectors.toMap(ConstraintState::type, ConstraintState::status)));
    assertEquals(1, store.constraintStates(PROD, "1.1").size());
    assertTrue(store.constraintStates(TEST, "1.0").isEmpty());
  }

  @Test
  void aPinReplacesTheEarlierOneAndIsRemovedOnce() {
    store.savePin(new Pin(PROD, "1.0", "alice", T0, null));
    store.savePin(new Pin(PROD, "1.1", "bob", T0.plusSeconds(1), "hotfix"));

    assertEquals("1.1", store.pin(PROD).orElseThrow().version());
    assertTrue(store.pin(TEST).isEmpty());
    assertTrue(store.removePin(PROD));
    assertFalse(store.removePin(PROD));
    assertTrue(store.pin(PROD).isEmpty());
  }

  @Test
  void theApprovalQueueKeepsQueuingOrderOncePerVersionAndPerEnvironment() {
    EnvironmentArtifact prod = new EnvironmentArtifact("fnord-manifest", "prod", "fnord");
    EnvironmentArtifact test = new EnvironmentArtifact("fnord-manifest", "test", "fnord");
    store.queueForApproval(prod, "1.2");
    store.queueForApproval(prod, "1.3");
    store.queueForApproval(prod, "1.2");
    store.queueForApproval(test, "1.4");

    assertEquals(List.of("1.2", "1.3"), store.approvalQueue(prod));
    store.dequeueApproval(prod, "1.2");
    assertEquals(List.of("1.3"), store.approvalQueue(prod));
    assertEquals(List.of("1.4"), store.approvalQueue(test));
  }
}
