package dev.keel.engine.internal.promotion;

import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code allowed-times}: passes while the clock, in the constraint's time zone (else the engine's
 * {@code defaultTimeZone}), is inside one of its
 * windows and fewer than {@code maxDeploysPerWindow} versions were approved in the current window. It is
 * evaluated every time, so it flips between pass and fail as windows open and close.
 */
final class AllowedTimesEvaluator implements ConstraintEvaluator<AllowedTimesConstraint> {

  private final PromotionLedger ledger;
  private final ZoneId defaultZone;

  AllowedTimesEvaluator(PromotionLedger ledger, ZoneId defaultZone) {
    this.ledger = ledger;
    this.defaultZone = defaultZone;
  }

  @Override
  public String type() {
    return AllowedTimesConstraint.TYPE;
  }

  @Override
  public Class<AllowedTimesConstraint> constraintClass() {
    return AllowedTimesConstraint.class;
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public boolean reevaluates() {
    return true;
  }

  @Override
  public ConstraintOutcome evaluate(AllowedTimesConstraint constraint, PromotionContext context) {
    ZonedDateTime now = context.clock().instant().atZone(constraint.zone(defaultZone));
    if (!inWindow(constraint, now)) {
      return ConstraintOutcome.fail("outside the allowed times");
    }
    if (constraint.maxDeploysPerWindow() != null) {
      Instant windowStart = windowStart(constraint, now);
      EnvironmentArtifact where = new EnvironmentArtifact(context.deliveryConfig().name(), context.environment().name(),
          context.artifact().reference());
      long approved = ledger.store().promotions(where).stream()
          .filter(r -> r.approvedAt() != null && !r.approvedAt().isBefore(windowStart)).count();
      if (approved >= constraint.maxDeploysPerWindow()) {
        return ConstraintOutcome.fail(approved + " versions were already approved in this window");
      }
    }
    return new ConstraintOutcome(ConstraintOutcome.Result.PASS, null, Map.of());
  }

  static boolean inWindow(AllowedTimesConstraint c, ZonedDateTime t) {
    return c.windows().stream()
        .anyMatch(w -> w.daysOfWeek().contains(t.getDayOfWeek()) && w.hoursOfDay().contains(t.getHour()));
  }

  /** The start of the hour run containing {@code now} (a window may wrap across midnight). */
  private static Instant windowStart(AllowedTimesConstraint c, ZonedDateTime now) {
    ZonedDateTime start = now.truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 7 * 24 && inWindow(c, start.minusHours(1)); i++) {
      start = start.minusHours(1);
    }
    return start.toInstant();
  }
}
