package dev.keel.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.KeelEngine;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST operations without Spring: errors carry their status and places; refusals change nothing. */
class KeelApiTest {

  private static final String EMPTY = """
      application: fnord
      environments:
      - name: test
      """;

  private final KeelEngine engine = KeelEngine.builder().build();
  private final KeelApi api = new KeelApi(engine, new WriteGuard(null, false), 10_000, null);
  private final KeelApi open = new KeelApi(engine, new WriteGuard(null, true), 10_000, null);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void anInvalidConfigIs400WithEachProblemAtItsLineAndColumn() {
    String bad = """
        application: fnord
        environments:
        - name: test
          resources:
          - kind: nope/thing@v1
            spec: {}
        """;
    assertThatThrownBy(() -> open.submit(bad, "fnord.yml", Optional.empty()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.problems()).isNotEmpty();
          assertThat(e.problems().get(0).source()).isEqualTo("fnord.yml");
          assertThat(e.problems().get(0).line()).isEqualTo(5);
          assertThat(e.problems().get(0).column()).isPositive();
          assertThat(e.problems().get(0).toString()).startsWith("fnord.yml:5:");
        });
    assertThat(engine.submittedDocument("fnord-manifest")).isEmpty();
  }

  @Test
  void anUnauthorisedSubmitIs403AndStoresNothing() {
    assertThatThrownBy(() -> api.submit(EMPTY, "fnord.yml", Optional.empty()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(engine.submittedDocument("fnord-manifest")).isEmpty();
  }

  @Test
  void aSubmittedConfigIsReadBackByNameAndDeletedByItsAuthorisedUser() {
    Map<String, Object> result = api.submit(EMPTY, "fnord.yml", Optional.of("alice"));
    assertThat(result).containsEntry("name", "fnord-manifest").containsEntry("submittedBy", "alice");
    assertThat(api.deliveryConfig("fnord-manifest")).containsEntry("application", "fnord")
        .containsEntry("document", EMPTY);
    assertThat(api.delete("fnord-manifest", Optional.of("alice"))).containsEntry("deletedBy", "alice");
    assertThatThrownBy(() -> api.deliveryConfig("fnord-manifest"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void unknownIdsAre404() {
    for (Runnable call : new Runnable[] {
        () -> api.resource("ec2:cluster:test:nope"),
        () -> api.status("ec2:cluster:test:nope"),
        () -> api.promotions().application("nope"),
        () -> api.promotions().environments("nope"),
        () -> api.pauseApplication("nope", true, Optional.of("alice"), null),
        () -> api.promotions().export("ec2", "test", "cluster", "fnord-main", java.util.List.of(), Optional.empty())}) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  @Test
  void anEmptyOrOversizedBodyIsRefusedBeforeReading() {
    assertThatThrownBy(() -> api.validate(" ", "x.yml"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> api.validate("a".repeat(10_001), "x.yml"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("keel.api.max-config-bytes");
  }
}
