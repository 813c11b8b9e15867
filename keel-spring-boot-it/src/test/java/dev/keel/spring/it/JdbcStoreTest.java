package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spring.it.RunningHost.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The starter keeps the engine's state in the application's DataSource when keel-store-jdbc is on the class path: what
 * one run of the application stored, the next run on the same database serves; with {@code keel.store.jdbc=false} the
 * engine keeps it in memory and creates no table.
 */
class JdbcStoreTest {

  private static final String USER = "alice@example.com";

  @Test
  void aConfigSubmittedInOneRunIsServedByTheNextRunOnTheSameDatabase() {
    String database = "keel-restart-" + UUID.randomUUID();
    try (RunningHost first = RunningHost.start(TestHost.class, "test.database=" + database)) {
      Fnord.prepareClouds(first.engine());
      Reply submitted = first.post("/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(), USER);
      assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
      assertThat(first.storeRows()).containsKey("KEEL_DELIVERY_CONFIG");
    }
    try (RunningHost second = RunningHost.start(TestHost.class, "test.database=" + database)) {
      Reply config = second.get("/delivery-configs/fnord-manifest");
      assertThat(config.status()).as(config.text()).isEqualTo(200);
      assertThat(config.json().get("document").asText()).isEqualTo(Fnord.text());
      assertThat(second.get("/application/fnord").json().get("resources")).hasSize(9);
    }
  }

  @Test
  void withTheJdbcStoreTurnedOffNothingIsWrittenToTheApplicationsDatabase() {
    try (RunningHost host = RunningHost.start(TestHost.class, "keel.store.jdbc=false")) {
      Fnord.prepareClouds(host.engine());
      Reply submitted = host.post("/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(), USER);
      assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
      assertThat(host.storeRows()).isEmpty();
      assertThat(host.get("/application/fnord").json().get("resources")).hasSize(9);
    }
  }
}
