package dev.keel.store.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.store.ConfigConflictException;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input changes nothing in the database: after an engine on a JDBC store has delivered a config, every invalid
 * submission (broken YAML, an unknown kind, a spec that does not bind, a change that breaks the stored config, a
 * config claiming resources another one manages) is refused with its problems, and every row of every table of the
 * store is as it was. Virtual time stands still between the two dumps, so nothing else writes.
 */
abstract class BadInputTest {

  private static final String VALID = """
      application: fnord
      environments:
      - name: prod
        resources:
        - kind: fake/thing@v1
          spec: {name: web, application: fnord, size: 2, version: "1.0"}
        - kind: fake/thing@v1
          spec: {name: api, application: fnord, size: 1, version: "1.0"}
      """;

  /** Each invalid document, with a fragment of the problem the engine must report. */
  private static final Map<String, String> INVALID = Map.of(
      "application: fnord\nenvironments: [ {name: prod, resources: [\n", "",
      VALID.replace("fake/thing@v1", "fake/nothing@v1"), "fake/nothing@v1",
      VALID.replace("size: 2", "size: two"), "size",
      VALID.replace("name: prod", "name: prod\n  surprise: true"), "surprise",
      VALID.replace("application: fnord, size: 1", "size: 1"), "application",
      VALID.replace("spec: {name: web", "spec: {name: api"), "api");

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private EngineHarness harness;
  private HikariDataSource reader;

  /** A fresh database for the test. */
  abstract Db database();

  @AfterEach
  void close() {
    if (harness != null) {
      harness.engine().close();
    }
    scheduler.close();
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void everyInvalidSubmissionIsRefusedAndLeavesEveryTableAsItWas() throws Exception {
    Db db = database();
    harness = EngineHarness.builder().scheduler(scheduler).config(EngineConfig.builder().build())
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).build())
            .store(kinds -> JdbcKeelStore.builder().jdbcUrl(db.url(), db.user(), db.password()).maxPoolSize(4)
                .kinds(kinds).clockSource(ClockSource.ENGINE).build()))
        .build();
    harness.engine().start();
    harness.engine().submit(VALID, "fnord.yml");
    assertThat(harness.advanceUntil(() -> harness.status("fake:thing:web") == ResourceStatus.HAPPY
        && harness.status("fake:thing:api") == ResourceStatus.HAPPY, Duration.ofMinutes(1), Duration.ofHours(1)))
        .isTrue();
    harness.runUntilIdle();
    reader = db.pool("reader", 1);
    Map<String, List<String>> before = Tables.snapshot(reader, "keel_");
    assertThat(before).as("the store's tables").hasSizeGreaterThan(5);
    assertThat(before.values().stream().mapToInt(List::size).sum()).as("rows in them").isGreaterThan(10);

    INVALID.forEach((text, problem) -> assertThatThrownBy(() -> harness.engine().submit(text, "fnord.yml"))
        .as(text).isInstanceOf(ConfigException.class).hasMessageContaining(problem));
    assertThatThrownBy(() -> harness.engine().submit(VALID.replace("application: fnord\n", "application: other\n")
        .replace("application: fnord,", "application: other,"), "other.yml"))
        .isInstanceOf(ConfigConflictException.class)
        .hasMessageContaining("already managed by delivery config 'fnord-manifest'");
    assertThat(harness.engine().delete("no-such-config")).isFalse();

    assertThat(Tables.snapshot(reader, "keel_")).isEqualTo(before);
    assertThat(harness.engine().submittedDocument("fnord-manifest").map(d -> d.text())).contains(VALID);
  }
}
