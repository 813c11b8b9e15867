package dev.keel.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * One check of a resource that ended, as a {@link CheckObserver} is told of it.
 *
 * @param resourceId the resource
 * @param kind the resource's {@code group/kind}, read off its id
 * @param outcome how the check ended: the name of its persisted {@code CheckResult} ({@code IN_SYNC}, {@code DRIFTED},
 *     {@code MISSING}, {@code VETOED}, {@code ERROR}, {@code TIMED_OUT}, ...), or {@code SKIPPED} (an actuation was in
 *     progress), {@code UNMANAGED} (the resource was no longer managed), {@code ABANDONED} (the claim's lease was
 *     lost) or {@code FAILED} (not even the failure could be recorded)
 * @param duration from the check's start to its end, on the engine's clock
 */
public record FinishedCheck(String resourceId, String kind, String outcome, Duration duration) {

  /** Checks for nulls. */
  public FinishedCheck {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
  }
}
