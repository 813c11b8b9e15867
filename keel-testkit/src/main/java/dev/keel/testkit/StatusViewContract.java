package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StatusView;
import dev.keel.engine.store.StoredStatus;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.ResourceStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link StatusView}: every stored config, its environments and resources in declared
 * order with the status their state, tasks and pauses amount to, and per environment the artifact versions it has
 * promotion records, constraint states or a pin for, newest published first.
 *
 * @param <S> the store's type
 */
public abstract class StatusViewContract<S extends KeelStore> extends StoreConcernContract<S> {

  private static final String B = "fake:thing:b";
  private static final String A = "fake:thing:a";
  private static final String WEB = "fake:thing:web";
  private static final EnvironmentArtifact TEST_APP = new EnvironmentArtifact("fnord-manifest", "test", "app");
  private static final EnvironmentArtifact PROD_APP = new EnvironmentArtifact("fnord-manifest", "prod", "app");

  /** Two environments, resources declared out of id order, and one Debian artifact deployed in both. */
  private static DeliveryConfig twoEnvironments() {
    return new DeliveryConfig("fnord", "fnord-manifest", null, List.of(new DebianArtifact("app", "app", null, Set.of(), null)),
        List.of(new Environment("test", List.of(Configs.thing("b", "fnord", 1), Configs.thing("a", "fnord", 1)),
                List.of(), List.of(), List.of(), null),
            new Environment("prod", List.of(Configs.deploying("web", "fnord", "app")), List.of(), List.of(),
                List.of(), null)));
  }

  private static ArtifactVersion published(String version, int second) {
    return new ArtifactVersion(DebianArtifact.TYPE, "app", version, T0.plusSeconds(second), null, Map.of());
  }

  @Test
  void anEmptyStoreHasNoStatuses() {
    assertEquals(List.of(), store.storedStatuses());
  }

  @Test
  void resourcesAreListedInDeclaredOrderWithTheirKindAndAStatusFromStateTasksAndPauses() {
    store.storeDeliveryConfig(twoEnvironments(), T0);
    store.saveState(ResourceState.initial(B).checked(CheckResult.IN_SYNC, T0.plusSeconds(3), null));
    store.saveTask(new TaskRecord(new Task("t1", "deploy", "fake", "web"), WEB, "fnord", T0, TaskState.RUNNING,
        null, null));

    StoredStatus status = store.storedStatuses().get(0);

    assertEquals("fnord-manifest", status.name());
    assertEquals("fnord", status.application());
    assertEquals(List.of("test", "prod"), status.environments().stream().map(StoredStatus.EnvironmentStatus::name)
        .toList());
    assertEquals(List.of(
            new StoredStatus.ResourceEntry(B, Configs.thing("b", "fnord", 1).kind().toString(), ResourceStatus.HAPPY,
                T0.plusSeconds(3)),
            new StoredStatus.ResourceEntry(A, Configs.thing("a", "fnord", 1).kind().toString(), ResourceStatus.CREATED,
                null)),
        status.environments().get(0).resources());
    assertEquals(ResourceStatus.ACTUATING, status.environments().get(1).resources().get(0).status());

    store.savePause(new Pause(PauseScope.RESOURCE, A, "alice", T0, null));
    assertEquals(List.of(ResourceStatus.HAPPY, ResourceStatus.PAUSED), statuses("test"));
    store.savePause(new Pause(PauseScope.APPLICATION, "fnord", "alice", T0, null));
    assertEquals(List.of(ResourceStatus.PAUSED, ResourceStatus.PAUSED), statuses("test"));
  }

  private List<ResourceStatus> statuses(String environment) {
    return store.storedStatuses().get(0).environments().stream().filter(e -> e.name().equals(environment))
        .flatMap(e -> e.resources().stream()).map(StoredStatus.ResourceEntry::status).toList();
  }

  @Test
  void anEnvironmentListsTheVersionsItConsideredNewestFirstWithTheirPromotionStates() {
    store.storeDeliveryConfig(twoEnvironments(), T0);
    store.storeArtifactVersion(published("1.1", 20));
    store.storeArtifactVersion(published("1.0", 10));
    store.storeArtifactVersion(published("1.2", 30));
    store.storeArtifactVersion(published("0.9", 5));
    PromotionRecord first = PromotionRecord.approved(TEST_APP, "1.0", T0).current(T0);
    store.savePromotions(List.of(first.replaced(PromotionStatus.PREVIOUS, "1.1", T0.plusSeconds(21)),
        PromotionRecord.approved(TEST_APP, "1.1", T0).current(T0.plusSeconds(21))));
    ConstraintState rejected = new ConstraintState(TEST_APP, "1.2", "manual-judgement", ConstraintStatus.FAIL, T0,
        "bob", T0, null, Map.of());
    store.saveConstraintState(rejected);

    StoredStatus.EnvironmentStatus test = store.storedStatuses().get(0).environments().get(0);

    assertEquals(1, test.artifacts().size());
    StoredStatus.ArtifactEntry app = test.artifacts().get(0);
    assertEquals("app", app.reference());
    assertEquals(List.of(new StoredStatus.VersionEntry("1.2", PromotionStatus.PENDING, false, List.of(rejected)),
            new StoredStatus.VersionEntry("1.1", PromotionStatus.CURRENT, false, List.of()),
            new StoredStatus.VersionEntry("1.0", PromotionStatus.PREVIOUS, false, List.of())),
        app.versions());
    assertEquals("1.1", app.current().orElseThrow());
    assertEquals("1.1", app.desiredVersion());
    assertEquals(List.of(), store.storedStatuses().get(0).environments().get(1).artifacts(),
        "prod considered no version yet");
  }

  @Test
  void aPinnedVersionIsMarkedAndDesiredWhateverIsApproved() {
    store.storeDeliveryConfig(twoEnvironments(), T0);
    store.storeArtifactVersion(published("1.0", 10));
    store.storeArtifactVersion(published("1.1", 20));
    store.savePromotions(List.of(PromotionRecord.approved(PROD_APP, "1.1", T0)));
    store.savePin(new Pin(PROD_APP, "1.0", "alice", T0, "hold"));

    StoredStatus.ArtifactEntry app = store.storedStatuses().get(0).environments().get(1).artifacts().get(0);

    assertEquals(List.of(new StoredStatus.VersionEntry("1.1", PromotionStatus.APPROVED, false, List.of()),
        new StoredStatus.VersionEntry("1.0", PromotionStatus.PENDING, true, List.of())), app.versions());
    assertEquals("1.0", app.desiredVersion());
    assertNull(app.current().orElse(null));
  }

  @Test
  void aDeletedConfigIsNoLongerShownAndConfigsComeByName() {
    store.storeDeliveryConfig(twoEnvironments(), T0);
    store.storeDeliveryConfig(Configs.single("bar", "test", Configs.thing("x", "bar", 1)), T0);
    assertEquals(List.of("bar-manifest", "fnord-manifest"),
        store.storedStatuses().stream().map(StoredStatus::name).toList());

    store.deleteDeliveryConfig("fnord-manifest");

    assertEquals(List.of("bar-manifest"), store.storedStatuses().stream().map(StoredStatus::name).toList());
  }
}
