package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.PromotionEvent;
import org.junit.jupiter.api.Test;

/** Approved, deploying and deployed are published per environment, as Keel publishes them. */
class PromotionEventsTest {

  private final PromotionFixture f = new PromotionFixture();

  @Test
  void aVersionsWayThroughTheEnvironmentsIsPublished() {
    f.publish("1.0.0");
    f.check();
    f.deploy("test", "1.0.0");
    f.check();
    f.deploy("prod", "1.0.0");
    f.publish("1.1.0");
    f.check();
    f.deploy("test", "1.1.0");

    String v1 = PromotionFixture.version("1.0.0");
    String v2 = PromotionFixture.version("1.1.0");
    assertThat(f.events).filteredOn(PromotionEvent.class::isInstance).map(e -> (PromotionEvent) e)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.version() + " " + e.environment())
        .containsExactly(
            "VersionApproved " + v1 + " test", "VersionDeploying " + v1 + " test", "VersionDeployed " + v1 + " test",
            "VersionApproved " + v1 + " prod", "VersionDeploying " + v1 + " prod", "VersionDeployed " + v1 + " prod",
            "VersionApproved " + v2 + " test", "VersionDeploying " + v2 + " test", "VersionDeployed " + v2 + " test");
    assertThat(f.events(PromotionEvent.VersionDeployed.class)).last()
        .satisfies(e -> {
          assertThat(e.previous()).isEqualTo(v1);
          assertThat(e.application()).isEqualTo("fnord");
          assertThat(e.message()).isEqualTo(v2 + " of fnord is current in test (was " + v1 + ")");
        });
    assertThat(f.events(PromotionEvent.VersionApproved.class)).allMatch(e -> e.by().equals("keel"));
  }

  @Test
  void aPinIsPublishedAsAnApprovalByWhoPinned() {
    f.publish("1.0.0");
    f.promotions.pin(f.config, "prod", "fnord", PromotionFixture.version("1.0.0"), "alice", null);

    assertThat(f.events(PromotionEvent.VersionApproved.class)).singleElement()
        .satisfies(e -> {
          assertThat(e.environment()).isEqualTo("prod");
          assertThat(e.by()).isEqualTo("alice");
        });
  }
}
