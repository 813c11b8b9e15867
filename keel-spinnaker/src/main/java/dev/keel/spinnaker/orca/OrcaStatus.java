package dev.keel.spinnaker.orca;

import dev.keel.cloud.api.TaskExecution;
import java.util.Locale;

/** An Orca execution's status, as Orca names it, and what it means for Keel. */
public enum OrcaStatus {
  /** Not started yet. */
  NOT_STARTED(false, false),
  /** Running. */
  RUNNING(false, false),
  /** Paused by a user. */
  PAUSED(false, false),
  /** Suspended, waiting for something. */
  SUSPENDED(false, false),
  /** Queued behind a concurrent execution. */
  BUFFERED(false, false),
  /** Succeeded. */
  SUCCEEDED(true, false),
  /** Failed. */
  TERMINAL(true, true),
  /** A stage failed and the execution went on; the execution failed. */
  FAILED_CONTINUE(true, true),
  /** Stopped. */
  STOPPED(true, true),
  /** Cancelled by a user. */
  CANCELED(true, true),
  /** Being redirected (restarted); not complete. */
  REDIRECT(false, false),
  /** Skipped, which counts as done. */
  SKIPPED(true, false);

  private final boolean complete;
  private final boolean failure;

  OrcaStatus(boolean complete, boolean failure) {
    this.complete = complete;
    this.failure = failure;
  }

  /**
   * Whether the execution has ended.
   *
   * @return true when complete
   */
  public boolean isComplete() {
    return complete;
  }

  /**
   * Whether it ended in failure.
   *
   * @return true for TERMINAL, FAILED_CONTINUE, STOPPED and CANCELED
   */
  public boolean isFailure() {
    return failure;
  }

  /**
   * The port's task state: incomplete statuses are NOT_STARTED (NOT_STARTED, BUFFERED) or RUNNING, complete ones
   * SUCCEEDED or TERMINAL.
   *
   * @return the state
   */
  public TaskExecution.State state() {
    if (!complete) {
      return this == NOT_STARTED || this == BUFFERED ? TaskExecution.State.NOT_STARTED : TaskExecution.State.RUNNING;
    }
    return failure ? TaskExecution.State.TERMINAL : TaskExecution.State.SUCCEEDED;
  }

  /**
   * Reads a status.
   *
   * @param text the status as Orca sends it
   * @return the status
   * @throws IllegalArgumentException for a status Orca does not define
   */
  public static OrcaStatus parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown Orca execution status '" + text + "'", e);
    }
  }
}
