package dev.keel.testkit.spinnaker;

import java.time.Duration;
import java.util.Objects;

/** How a pipeline triggered on a {@link FakeSpinnaker} ends, on the fake's clock (see {@link Pipelines}). */
public sealed interface PipelineOutcome {

  /**
   * It runs for a while, then succeeds.
   *
   * @param after how long it runs
   */
  record Succeeds(Duration after) implements PipelineOutcome {
    /** Checks the duration. */
    public Succeeds {
      if (after.isNegative()) {
        throw new IllegalArgumentException("A pipeline cannot end before it starts: " + after);
      }
    }
  }

  /**
   * It runs for a while, then fails.
   *
   * @param after how long it runs
   * @param message why, as its failed stage reports it
   */
  record Fails(Duration after, String message) implements PipelineOutcome {
    /** Checks the values. */
    public Fails {
      Objects.requireNonNull(message, "message");
      if (after.isNegative()) {
        throw new IllegalArgumentException("A pipeline cannot end before it starts: " + after);
      }
    }
  }

  /** It runs until canceled. */
  record Runs() implements PipelineOutcome {}
}
