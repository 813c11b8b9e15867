package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.PromotionEvent;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.Constraint;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A pinned environment keeps evaluating newer versions, and approves those that passed, oldest first, once unpinned. */
class PinnedApprovalQueueTest {

  private final PromotionFixture f = new PromotionFixture();

  private void currentEverywhere(String v) {
    f.publish(v);
    f.check();
    f.deploy("test", v);
    f.check();
    f.deploy("prod", v);
  }

  @Test
  void versionsThatPassWhilePinnedAreRecordedAndApprovedOldestFirstOnUnpin() {
    currentEverywhere("1.0.0");
    f.promotions.pin(f.config, "prod", "fnord", PromotionFixture.version("1.0.0"), "alice", "incident");
    for (String v : List.of("1.1.0", "1.2.0")) {
      f.clock.advance(Duration.ofMinutes(10));
      f.publish(v);
      f.check();
      f.deploy("test", v);
      f.check();
    }

    assertThat(f.status("prod", "1.1.0")).isEqualTo(PromotionStatus.PENDING);
    assertThat(f.status("prod", "1.2.0")).isEqualTo(PromotionStatus.PENDING);
    assertThat(f.constraints("prod", "1.1.0")).as("evaluated while pinned")
        .extracting(ConstraintState::type, ConstraintState::status)
        .contains(org.assertj.core.groups.Tuple.tuple(AllowedTimesConstraint.TYPE, ConstraintStatus.PASS));
    assertThat(f.promotions.view().desiredVersion("fnord-manifest", "prod", "fnord"))
        .contains(PromotionFixture.version("1.0.0"));

    f.promotions.unpin(f.config, "prod", "fnord");
    f.events.clear();
    f.check();

    assertThat(f.status("prod", "1.1.0")).isEqualTo(PromotionStatus.APPROVED);
    assertThat(f.status("prod", "1.2.0")).isEqualTo(PromotionStatus.APPROVED);
    assertThat(f.events(PromotionEvent.VersionApproved.class)).filteredOn(e -> e.environment().equals("prod"))
        .extracting(PromotionEvent.VersionApproved::version)
        .containsExactly(PromotionFixture.version("1.1.0"), PromotionFixture.version("1.2.0"));
    assertThat(f.store.approvalQueue(PromotionFixture.where("prod"))).isEmpty();
    assertThat(f.promotions.view().desiredVersion("fnord-manifest", "prod", "fnord"))
        .contains(PromotionFixture.version("1.2.0"));
  }

  /** A stateless constraint a test opens and closes. */
  record Gate() implements Constraint {
    @Override
    public String type() {
      return "gate";
    }
  }

  @Test
  void aQueuedVersionWhoseStatelessConstraintsNoLongerPassStaysQueued() {
    AtomicBoolean open = new AtomicBoolean(true);
    ConstraintEvaluator<Gate> gate = new ConstraintEvaluator<>() {
      @Override
      public String type() {
        return "gate";
      }

      @Override
      public Class<Gate> constraintClass() {
        return Gate.class;
      }

      @Override
      public ConstraintOutcome evaluate(Gate constraint, PromotionContext context) {
        return open.get() ? ConstraintOutcome.pass() : ConstraintOutcome.fail("closed");
      }
    };
    PromotionFixture g = new PromotionFixture(List.of(new Gate()), ZoneId.of("UTC"), List.of(gate));
    g.publish("1.0.0");
    g.check();
    g.promotions.pin(g.config, "prod", "fnord", PromotionFixture.version("1.0.0"), "alice", null);
    g.publish("1.1.0");
    g.check();
    assertThat(g.store.approvalQueue(PromotionFixture.where("prod"))).containsExactly(PromotionFixture.version("1.1.0"));

    open.set(false);
    g.promotions.unpin(g.config, "prod", "fnord");
    g.check();
    assertThat(g.status("prod", "1.1.0")).isEqualTo(PromotionStatus.PENDING);
    assertThat(g.store.approvalQueue(PromotionFixture.where("prod"))).containsExactly(PromotionFixture.version("1.1.0"));

    open.set(true);
    g.check();
    assertThat(g.status("prod", "1.1.0")).isEqualTo(PromotionStatus.APPROVED);
    assertThat(g.store.approvalQueue(PromotionFixture.where("prod"))).isEmpty();
  }
}
