package dev.keel.engine.promotion;

import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.VerificationState;
import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One version's standing in one environment, for displays.
 *
 * @param version the version
 * @param status its status
 * @param pinned whether it is the environment's pinned version
 * @param approvedAt when it was approved, or null
 * @param deployedAt when it became current, or null
 * @param replacedBy the version that replaced it, or null
 * @param vetoedBy who vetoed it, or null
 * @param constraints its constraint states
 * @param verifications its verification states
 */
public record VersionPromotion(String version, PromotionStatus status, boolean pinned, @Nullable Instant approvedAt,
    @Nullable Instant deployedAt, @Nullable String replacedBy, @Nullable String vetoedBy,
    List<ConstraintState> constraints, List<VerificationState> verifications) {

  /** Copies the lists. */
  public VersionPromotion {
    constraints = List.copyOf(constraints);
    verifications = List.copyOf(verifications);
  }
}
