package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config built in code passes the rules a config read from text passes, and one that breaks them is
 * rejected with every problem while the store keeps what it held.
 */
class ProgrammaticSubmitTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ResourceKind BUCKET = ResourceKind.parse("test/bucket@v2");

  private final InMemoryStore store = new InMemoryStore();

  private static Resource<?> bucket(String name, String application) {
    return new Resource<>(BUCKET, new ExportTest.Bucket(name, application, "eu-west-1"));
  }

  private static Environment env(String name, Resource<?>... resources) {
    return new Environment(name, List.of(resources), List.of(), List.of(), List.of(), null);
  }

  private static DeliveryConfig config(Environment... envs) {
    return new DeliveryConfig("fnord", "fnord-manifest", null, List.of(), List.of(envs));
  }

  private KeelEngine engine() {
    return KeelEngine.builder().clock(CLOCK).store(store).handler(new ExportTest.BucketHandler()).build();
  }

  private List<String> storedIds() {
    return store.resources().stream().map(StoredResource::id).sorted().toList();
  }

  @Test
  void aConfigBreakingTheReadersRulesIsRejectedWithEveryProblemAndTheStoreIsUntouched() {
    try (KeelEngine engine = engine()) {
      DeliveryConfig good = config(env("test", bucket("fnord-logs", "fnord")), env("prod", bucket("fnord-data", "fnord")));
      engine.submit(good);
      List<String> before = storedIds();

      DeliveryConfig bad = config(
          env("test", bucket("fnord-logs", "fnord")),
          env("test", bucket("fnord-logs", "fnord")),
          env("staging", bucket("fnord-logs", "fnord")));

      assertThatThrownBy(() -> engine.submit(bad)).isInstanceOfSatisfying(ConfigException.class, e ->
          assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
              "environments[1].name: Environment name 'test' is already used at environments[0]; environment names "
                  + "must be unique",
              "environments[1].resources[0]: Resource id test:bucket:fnord-logs is already declared in this "
                  + "environment at environments[0].resources[0]; a resource may be managed only once (rename it or "
                  + "remove one)",
              "environments[2].resources[0]: Resource id test:bucket:fnord-logs is already declared in environment "
                  + "'test' at environments[0].resources[0]; a resource may be managed only once (rename it or remove "
                  + "one)"));

      assertThat(storedIds()).isEqualTo(before).containsExactly("test:bucket:fnord-data", "test:bucket:fnord-logs");
      assertThat(store.deliveryConfig("fnord-manifest")).contains(good);
    }
  }

  @Test
  void aResourceOfAKindNoHandlerSupportsIsAProblemNamingItsPath() {
    try (KeelEngine engine = engine()) {
      Resource<?> pail = new Resource<>(ResourceKind.parse("test/pail@v1"), new ExportTest.Bucket("p", "fnord", "x"));

      assertThatThrownBy(() -> engine.submit(config(env("test", pail))))
          .isInstanceOf(ConfigException.class)
          .hasMessage("delivery config 'fnord-manifest':0:0: No handler supports kind test/pail@v1 of resource "
              + "test:pail:p; register the handler or load the plugin that provides it (at environments[0].resources[0])");
      assertThat(storedIds()).isEmpty();
    }
  }
}
