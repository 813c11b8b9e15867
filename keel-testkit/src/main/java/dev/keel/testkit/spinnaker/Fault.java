package dev.keel.testkit.spinnaker;

import java.util.Objects;

/**
 * What a {@link FakeSpinnaker} does to a request instead of (or while) answering it normally, injected with
 * {@link Faults}.
 */
public sealed interface Fault {

  /**
   * Answers with an HTTP status and a small JSON error body, without doing anything.
   *
   * @param code the status, such as 503
   */
  record Status(int code) implements Fault {
    /** Checks the code. */
    public Status {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("An HTTP status is between 100 and 599, got " + code);
      }
    }
  }

  /**
   * Answers normally, but sends the headers and the first half of the body, then waits at a gate before
   * sending the rest: a slow body.
   *
   * @param gate where the rest of the body waits
   */
  record SlowBody(Gate gate) implements Fault {
    /** Checks for null. */
    public SlowBody {
      Objects.requireNonNull(gate, "gate");
    }
  }

  /**
   * Sends nothing until a gate opens, then answers normally: a client's read timeout fires first.
   *
   * @param gate where the request waits
   */
  record Hang(Gate gate) implements Fault {
    /** Checks for null. */
    public Hang {
      Objects.requireNonNull(gate, "gate");
    }
  }

  /** Closes the connection without answering, after reading the request (which is not acted on). */
  record Drop() implements Fault {}

  /** Acts on the request, then answers 200 with a JSON body cut off in the middle. */
  record Malformed() implements Fault {}

  /**
   * For {@code POST /ops} only: accepts the task (a reference is returned and it can be looked up), but the
   * task fails at once with a text, without reaching the cloud.
   *
   * @param text the failure, as Orca reports it in the failed stage's {@code exception.details.errors}
   */
  record FailTask(String text) implements Fault {
    /** Checks for null. */
    public FailTask {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A status answer.
   *
   * @param code the status
   * @return the fault
   */
  static Fault status(int code) {
    return new Status(code);
  }

  /**
   * A short name for the record of requests.
   *
   * @return such as {@code status 503} or {@code drop}
   */
  default String describe() {
    if (this instanceof Status s) {
      return "status " + s.code();
    }
    if (this instanceof FailTask f) {
      return "fail task: " + f.text();
    }
    if (this instanceof SlowBody) {
      return "slow body";
    }
    if (this instanceof Hang) {
      return "hang";
    }
    return this instanceof Drop ? "drop" : "malformed";
  }
}
