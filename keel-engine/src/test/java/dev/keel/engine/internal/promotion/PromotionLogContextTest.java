package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.Constraint;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * While the engine evaluates the constraints of an environment, SLF4J's MDC names the application and the environment,
 * and the thread is left as it was afterwards.
 */
class PromotionLogContextTest {

  record Noting() implements Constraint {
    @Override
    public String type() {
      return "noting";
    }
  }

  private final List<Map<String, String>> seen = new ArrayList<>();

  private final ConstraintEvaluator<Noting> noting = new ConstraintEvaluator<>() {
    @Override
    public String type() {
      return "noting";
    }

    @Override
    public Class<Noting> constraintClass() {
      return Noting.class;
    }

    @Override
    public ConstraintOutcome evaluate(Noting constraint, PromotionContext context) {
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      seen.add(mdc == null ? Map.of() : Map.copyOf(mdc));
      return ConstraintOutcome.pass();
    }
  };

  @Test
  void aConstraintIsEvaluatedWithItsApplicationAndEnvironmentInTheMdc() {
    PromotionFixture f = new PromotionFixture(List.of(new Noting()), ZoneId.of("UTC"), List.of(noting));

    f.publish("1.0.0");
    f.check();

    assertThat(seen).isNotEmpty().allSatisfy(mdc -> assertThat(mdc)
        .isEqualTo(Map.of("keel.application", "fnord", "keel.environment", "prod")));
    assertThat(MDC.getCopyOfContextMap()).as("the thread's MDC after the check").isNullOrEmpty();
  }
}
