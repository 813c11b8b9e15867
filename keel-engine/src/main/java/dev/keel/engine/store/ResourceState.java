package dev.keel.engine.store;

import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the engine knows about one resource between checks; its status is derived from this.
 *
 * @param resourceId the resource
 * @param lastResult the last check's outcome, or null before the first check
 * @param lastCheckedAt when it was last checked, or null
 * @param diffFingerprint the fingerprint of the current drift, or null when in sync
 * @param firstDriftAt when the current drift was first seen, or null
 * @param actionsTaken how many actuations were launched for the current drift
 * @param nextActionAllowedAt when the give-up policy next allows an actuation, or null for now
 * @param gaveUp whether the give-up policy stopped acting until the drift changes
 * @param consecutiveErrors failed checks in a row, for retry back-off
 * @param message the last result's explanation (error, veto reason, unresolvable reason), or null
 * @param vetoedBy the veto that last denied actuation, or null
 * @param suggestedStatus the status a veto suggested, or null
 * @param everResolved whether the desired state was ever computed, which separates WAITING from
 *     CURRENTLY_UNRESOLVABLE
 * @param lastTasks the tasks of the last actuation
 * @param artifactVersion the artifact version the last check resolved into the spec, or null for a resource
 *     that deploys no artifact (or before resolution)
 * @param recentActions when the latest actuations were launched, oldest first, whatever the drift: the
 *     give-up policy's action budget counts them (only those still inside its window are kept)
 */
public record ResourceState(
    String resourceId,
    @Nullable CheckResult lastResult,
    @Nullable Instant lastCheckedAt,
    @Nullable String diffFingerprint,
    @Nullable Instant firstDriftAt,
    int actionsTaken,
    @Nullable Instant nextActionAllowedAt,
    boolean gaveUp,
    int consecutiveErrors,
    @Nullable String message,
    @Nullable String vetoedBy,
    @Nullable ResourceStatus suggestedStatus,
    boolean everResolved,
    List<Task> lastTasks,
    @Nullable String artifactVersion,
    List<Instant> recentActions) {

  /** Copies the lists. */
  public ResourceState {
    Objects.requireNonNull(resourceId, "resourceId");
    lastTasks = lastTasks == null ? List.of() : List.copyOf(lastTasks);
    recentActions = recentActions == null ? List.of() : List.copyOf(recentActions);
  }

  /**
   * The state of a resource never checked.
   *
   * @param resourceId the resource
   * @return the initial state
   */
  public static ResourceState initial(String resourceId) {
    return new ResourceState(resourceId, null, null, null, null, 0, null, false, 0, null, null, null, false, List.of(), null, List.of());
  }

  /**
   * A copy recording one check's outcome, clearing veto details.
   *
   * @param result the outcome
   * @param at when
   * @param why the explanation, or null
   * @return the copy
   */
  public ResourceState checked(CheckResult result, Instant at, @Nullable String why) {
    boolean failed = result == CheckResult.ERROR || result == CheckResult.TIMED_OUT;
    return new ResourceState(resourceId, result, at, diffFingerprint, firstDriftAt, actionsTaken, nextActionAllowedAt,
        gaveUp, failed ? consecutiveErrors + 1 : 0, why, null, null, everResolved, lastTasks, artifactVersion, recentActions);
  }

  /**
   * A copy recording the drift's fingerprint: a new fingerprint restarts the give-up count, the same one
   * keeps it, none clears it.
   *
   * @param fingerprint the drift's fingerprint, or null when in sync
   * @param at when
   * @return the copy
   */
  public ResourceState withDrift(@Nullable String fingerprint, Instant at) {
    if (Objects.equals(fingerprint, diffFingerprint)) {
      return new ResourceState(resourceId, lastResult, lastCheckedAt, diffFingerprint, firstDriftAt, actionsTaken,
          nextActionAllowedAt, gaveUp, consecutiveErrors, message, vetoedBy, suggestedStatus, true, lastTasks, artifactVersion, recentActions);
    }
    return new ResourceState(resourceId, lastResult, lastCheckedAt, fingerprint, fingerprint == null ? null : at, 0,
        null, false, consecutiveErrors, message, vetoedBy, suggestedStatus, true, lastTasks, artifactVersion, recentActions);
  }

  /**
   * A copy recording a veto.
   *
   * @param veto the veto's name
   * @param reason why
   * @param status the suggested status, or null
   * @param at when
   * @return the copy
   */
  public ResourceState vetoed(String veto, String reason, @Nullable ResourceStatus status, Instant at) {
    return new ResourceState(resourceId, CheckResult.VETOED, at, diffFingerprint, firstDriftAt, actionsTaken,
        nextActionAllowedAt, gaveUp, 0, reason, veto, status, everResolved, lastTasks, artifactVersion, recentActions);
  }

  /**
   * A copy recording an actuation.
   *
   * @param tasks the tasks launched
   * @param counted whether it counts against the give-up policy
   * @param at when it was launched, added to {@link #recentActions} when counted
   * @param window how far back {@link #recentActions} need to reach (the action budget's window)
   * @return the copy
   */
  public ResourceState actuated(List<Task> tasks, boolean counted, Instant at, Duration window) {
    List<Instant> recent = actionsSince(at.minus(window));
    if (counted) {
      recent.add(at);
    }
    return new ResourceState(resourceId, lastResult, lastCheckedAt, diffFingerprint, firstDriftAt,
        counted ? actionsTaken + 1 : actionsTaken, nextActionAllowedAt, gaveUp, consecutiveErrors, message, vetoedBy,
        suggestedStatus, everResolved, tasks, artifactVersion, recent);
  }

  /**
   * The actuations launched after a time, oldest first.
   *
   * @param after the start, exclusive
   * @return a new mutable list
   */
  public List<Instant> actionsSince(Instant after) {
    List<Instant> recent = new ArrayList<>();
    for (Instant t : recentActions) {
      if (t.isAfter(after)) {
        recent.add(t);
      }
    }
    return recent;
  }

  /**
   * A copy recording the artifact version resolved into the spec.
   *
   * @param version the version, or null
   * @return the copy
   */
  public ResourceState withArtifactVersion(@Nullable String version) {
    return new ResourceState(resourceId, lastResult, lastCheckedAt, diffFingerprint, firstDriftAt, actionsTaken,
        nextActionAllowedAt, gaveUp, consecutiveErrors, message, vetoedBy, suggestedStatus, everResolved, lastTasks,
        version, recentActions);
  }

  /**
   * A copy with the give-up policy's decision.
   *
   * @param nextAllowed when the next actuation is allowed, or null
   * @param gaveUpNow whether to stop until the drift changes
   * @return the copy
   */
  public ResourceState withGiveUp(@Nullable Instant nextAllowed, boolean gaveUpNow) {
    return new ResourceState(resourceId, lastResult, lastCheckedAt, diffFingerprint, firstDriftAt, actionsTaken,
        nextAllowed, gaveUpNow, consecutiveErrors, message, vetoedBy, suggestedStatus, everResolved, lastTasks, artifactVersion, recentActions);
  }

  /**
   * The status in Keel's vocabulary that this state, with the resource's pauses and tasks, amounts to.
   *
   * @param paused whether the resource or its application is paused
   * @param actuating whether a task launched for it still runs
   * @return the status
   */
  public ResourceStatus status(boolean paused, boolean actuating) {
    if (paused) {
      return ResourceStatus.PAUSED;
    }
    if (actuating) {
      return ResourceStatus.ACTUATING;
    }
    if (lastResult == null) {
      return ResourceStatus.CREATED;
    }
    return switch (lastResult) {
      case IN_SYNC -> ResourceStatus.HAPPY;
      case DRIFTED, MISSING -> gaveUp ? ResourceStatus.UNHAPPY : ResourceStatus.DIFF;
      case DRIFTED_WHILE_PAUSED -> ResourceStatus.DIFF;
      case VETOED -> suggestedStatus != null ? suggestedStatus : ResourceStatus.UNHAPPY;
      case NOT_ACTIONABLE -> ResourceStatus.DIFF_NOT_ACTIONABLE;
      case ERROR, TIMED_OUT -> ResourceStatus.ERROR;
      case UNRESOLVABLE -> everResolved ? ResourceStatus.CURRENTLY_UNRESOLVABLE : ResourceStatus.WAITING;
    };
  }
}
