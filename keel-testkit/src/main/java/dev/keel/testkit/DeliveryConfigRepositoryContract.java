package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.ConfigConflictException;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.ResourceRepository;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link DeliveryConfigRepository}: configs store their resources, versioned, with
 * the document they were read from, and a conflicting config changes nothing.
 *
 * @param <S> the store's type
 */
public abstract class DeliveryConfigRepositoryContract<S extends DeliveryConfigRepository & ResourceRepository>
    extends StoreConcernContract<S> {

  @Test
  void aSubmittedConfigStoresItsResourcesAsVersionOne() {
    SubmitResult r = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);

    assertEquals(Set.of("fake:thing:a", "fake:thing:b"), r.created());
    assertEquals(1, store.resource("fake:thing:a").orElseThrow().version());
    assertEquals("test", store.resource("fake:thing:a").orElseThrow().environment());
    assertEquals("fnord", store.deliveryConfigForApplication("fnord").orElseThrow().application());
  }

  @Test
  void aNewVersionIsStoredOnlyWhenTheSpecReallyChanged() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    SubmitResult same = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    SubmitResult changed = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 2)), T0);

    assertEquals(Set.of("fake:thing:a"), same.unchanged());
    assertEquals(Set.of("fake:thing:a"), changed.updated());
    assertEquals(2, store.resource("fake:thing:a").orElseThrow().version());
  }

  @Test
  void resourcesDroppedFromTheConfigAreNoLongerManaged() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);

    SubmitResult r = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    assertEquals(Set.of("fake:thing:b"), r.removed());
    assertTrue(store.resource("fake:thing:b").isEmpty());
    assertEquals(List.of("fake:thing:a"), store.resources().stream().map(StoredResource::id).collect(Collectors.toList()));
  }

  @Test
  void aConfigStoredWithTheDocumentItWasReadFromGivesTheDocumentBack() {
    SubmittedDocument document = new SubmittedDocument("fnord.yml", "application: fnord\ntemplates: {}\n");

    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), document, T0);

    assertEquals(Optional.of(document), store.submittedDocument("fnord-manifest"));
    assertEquals(1, store.resource("fake:thing:a").orElseThrow().version());
    assertEquals(Optional.empty(), store.submittedDocument("other-manifest"));
  }

  @Test
  void aConfigStoredAgainWithAnotherDocumentOrNoneReplacesTheDocument() {
    SubmittedDocument first = new SubmittedDocument("fnord.yml", "first");
    SubmittedDocument second = new SubmittedDocument("fnord-v2.yml", "second");
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), first, T0);

    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), second, T0);
    Optional<SubmittedDocument> replaced = store.submittedDocument("fnord-manifest");
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 2)), T0);

    assertEquals(Optional.of(second), replaced);
    assertEquals(Optional.empty(), store.submittedDocument("fnord-manifest"), "a config built in code has no document");
  }

  @Test
  void deletingAConfigForgetsItsDocument() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)),
        new SubmittedDocument("fnord.yml", "text"), T0);

    store.deleteDeliveryConfig("fnord-manifest");

    assertEquals(Optional.empty(), store.submittedDocument("fnord-manifest"));
  }

  @Test
  void aConflictingConfigKeepsTheDocumentStoredBefore() {
    SubmittedDocument document = new SubmittedDocument("fnord.yml", "text");
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), document, T0);

    assertThrows(ConfigConflictException.class, () -> store.storeDeliveryConfig(
        Configs.single("other", "test", Configs.thing("a", "other", 1)), new SubmittedDocument("other.yml", "x"), T0));

    assertEquals(Optional.of(document), store.submittedDocument("fnord-manifest"));
    assertEquals(Optional.empty(), store.submittedDocument("other-manifest"));
  }

  @Test
  void aConflictingConfigChangesNothing() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    assertThrows(ConfigConflictException.class, () -> store.storeDeliveryConfig(
        Configs.single("other", "test", Configs.thing("new", "other", 1), Configs.thing("a", "other", 1)), T0));

    assertTrue(store.resource("fake:thing:new").isEmpty());
    assertEquals("fnord", store.resource("fake:thing:a").orElseThrow().resource().application());
    assertEquals(1, store.deliveryConfigs().size());
  }
}
