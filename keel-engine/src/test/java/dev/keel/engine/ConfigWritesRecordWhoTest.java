package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.Attributed;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Submitting and deleting a delivery config records who did it in the application's history, after the resources'
 * own events; the overloads without an actor record {@link Actor#SYSTEM}; a submission that changes nothing, or
 * fails, records nothing.
 */
class ConfigWritesRecordWhoTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ResourceKind BUCKET = ResourceKind.parse("test/bucket@v2");
  private static final String LOGS = "test:bucket:fnord-logs";
  private static final String DATA = "test:bucket:fnord-data";

  private final InMemoryStore store = new InMemoryStore();

  private static Resource<?> bucket(String name, String region) {
    return new Resource<>(BUCKET, new ExportTest.Bucket(name, "fnord", region));
  }

  private static DeliveryConfig config(Resource<?>... resources) {
    return new DeliveryConfig("fnord", "fnord-manifest", null, List.of(),
        List.of(new Environment("test", List.of(resources), List.of(), List.of(), List.of(), null)));
  }

  private KeelEngine engine() {
    return engine(CLOCK);
  }

  private KeelEngine engine(Clock clock) {
    return KeelEngine.builder().clock(clock).store(store).handler(new ExportTest.BucketHandler()).build();
  }

  private static List<String> names(List<KeelEvent> history) {
    return history.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @Test
  void aSubmissionIsRecordedWithWhoMadeItAndWhatItChanged() {
    try (KeelEngine engine = engine()) {
      List<KeelEvent> published = new ArrayList<>();
      engine.events().subscribe(published::add);

      engine.submit(config(bucket("fnord-logs", "eu-west-1"), bucket("fnord-data", "eu-west-1")),
          Actor.of("alice", "first cut"));

      assertThat(names(engine.history(LOGS))).containsExactly("Created", "ConfigSubmitted");
      assertThat(engine.history(LOGS).get(1)).isEqualTo(new ApplicationEvent.ConfigSubmitted("fnord", CLOCK.instant(),
          "fnord-manifest", "alice", "first cut", 2, 0, 0));
      assertThat(published).last().isEqualTo(engine.history(DATA).get(1));
      assertThat(published.get(published.size() - 1).message())
          .isEqualTo("Delivery config fnord-manifest submitted by alice: 2 created, 0 updated, 0 removed (first cut)");

    }
    try (KeelEngine engine = engine(Clock.offset(CLOCK, Duration.ofMinutes(5)))) {
      engine.submit(config(bucket("fnord-logs", "us-east-1")), Actor.of("bob"));

      List<KeelEvent> logs = engine.history(LOGS);
      assertThat(names(logs)).startsWith("Updated", "ConfigSubmitted");
      ApplicationEvent.ConfigSubmitted second = (ApplicationEvent.ConfigSubmitted) logs.get(1);
      assertThat(second.by()).isEqualTo("bob");
      assertThat(List.of(second.created(), second.updated(), second.removed())).containsExactly(0, 1, 1);
      assertThat(names(engine.history(DATA))).startsWith("Removed", "ConfigSubmitted");
    }
  }

  @Test
  void resubmittingTheSameConfigRecordsNothingAndAFailedSubmissionNeither() {
    try (KeelEngine engine = engine()) {
      DeliveryConfig config = config(bucket("fnord-logs", "eu-west-1"));
      engine.submit(config, Actor.of("alice"));
      List<KeelEvent> before = engine.history(LOGS);

      engine.submit(config, Actor.of("bob"));
      DeliveryConfig duplicate = config(bucket("fnord-logs", "eu-west-1"), bucket("fnord-logs", "eu-west-1"));
      assertThatThrownBy(() -> engine.submit(duplicate, Actor.of("mallory"))).isInstanceOf(ConfigException.class);

      assertThat(engine.history(LOGS)).isEqualTo(before);
      assertThat(engine.history(LOGS).toString()).doesNotContain("bob").doesNotContain("mallory");
    }
  }

  @Test
  void aDeletionIsRecordedWithWhoMadeItInTheHistoryOfEachRemovedResource() {
    try (KeelEngine earlier = engine()) {
      earlier.submit(config(bucket("fnord-logs", "eu-west-1"), bucket("fnord-data", "eu-west-1")), Actor.of("alice"));
    }
    Clock later = Clock.offset(CLOCK, Duration.ofMinutes(5));
    try (KeelEngine engine = engine(later)) {
      assertThat(engine.delete("fnord-manifest", Actor.of("carol", "retired"))).isTrue();

      for (String id : List.of(LOGS, DATA)) {
        List<KeelEvent> history = engine.history(id);
        assertThat(names(history)).as(id).containsExactly("Removed", "ConfigDeleted", "Created", "ConfigSubmitted");
        assertThat(history.get(1)).isEqualTo(new ApplicationEvent.ConfigDeleted("fnord", later.instant(),
            "fnord-manifest", "carol", "retired", 2));
        assertThat(history.get(0)).isInstanceOf(ResourceEvent.Removed.class);
      }
      List<KeelEvent> before = engine.history(LOGS);
      assertThat(engine.delete("fnord-manifest", Actor.of("dave"))).isFalse();
      assertThat(engine.history(LOGS)).isEqualTo(before);
    }
  }

  @Test
  void theOverloadsWithoutAnActorRecordTheSystemActor() {
    try (KeelEngine engine = engine()) {
      engine.submit(config(bucket("fnord-logs", "eu-west-1")));
      engine.delete("fnord-manifest");

      assertThat(engine.history(LOGS)).filteredOn(ApplicationEvent.class::isInstance)
          .extracting(e -> e.getClass().getSimpleName() + " by " + ((Attributed) e).by())
          .containsExactly("ConfigDeleted by keel", "ConfigSubmitted by keel");
      assertThat(Actor.SYSTEM).isEqualTo(Actor.of("keel"));
    }
  }
}
