package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stateless constraints record their outcome, so a version's status says why it is held or went through. */
class ConstraintOutcomeRecordTest {

  private final PromotionFixture f = new PromotionFixture();

  private ConstraintState state(String env, String v, String type) {
    return f.constraints(env, v).stream().filter(s -> s.type().equals(type)).findFirst().orElseThrow(
        () -> new AssertionError("no " + type + " state for " + v + " in " + env + ": " + f.constraints(env, v)));
  }

  @Test
  void dependsOnRecordsWhyAVersionIsHeldAndWhenAndByWhomItPassed() {
    f.publish("1.0.0");
    f.check();

    ConstraintState held = state("prod", "1.0.0", DependsOnConstraint.TYPE);
    assertThat(held.status()).isEqualTo(ConstraintStatus.FAIL);
    assertThat(held.comment()).contains("not yet deployed and verified in test");

    f.clock.advance(Duration.ofMinutes(5));
    f.deploy("test", "1.0.0");
    Instant approvedAt = f.clock.instant();
    f.check();

    assertThat(f.status("prod", "1.0.0")).isEqualTo(PromotionStatus.APPROVED);
    ConstraintState passed = state("prod", "1.0.0", DependsOnConstraint.TYPE);
    assertThat(passed.status()).isEqualTo(ConstraintStatus.PASS);
    assertThat(passed.judgedBy()).isEqualTo("keel:depends-on");
    assertThat(passed.judgedAt()).isEqualTo(approvedAt);
    assertThat(passed.attributes()).containsEntry("dependsOnEnvironment", "test");
    ConstraintState window = state("prod", "1.0.0", AllowedTimesConstraint.TYPE);
    assertThat(window.status()).isEqualTo(ConstraintStatus.PASS);
    assertThat(window.judgedBy()).isEqualTo("keel:allowed-times");
    assertThat(window.judgedAt()).isEqualTo(approvedAt);
  }
}
