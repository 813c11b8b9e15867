package dev.keel.spi.actuation;

/** Where a {@link Task} is in its life. */
public enum TaskState {
  /** Not finished yet. */
  RUNNING,
  /** Finished successfully. */
  SUCCEEDED,
  /** Finished unsuccessfully. */
  FAILED;

  /**
   * Whether the task has finished.
   *
   * @return true for SUCCEEDED and FAILED
   */
  public boolean isComplete() {
    return this != RUNNING;
  }
}
