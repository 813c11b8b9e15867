package dev.keel.spi.actuation;

import java.util.List;

/**
 * What a handler plans to do for one resource: the operations, in order. Planning is pure; the engine
 * either shows the actuation (plan) or passes it back to the handler to execute.
 *
 * @param operations the operations, in the order they would run; empty for nothing to do
 */
public record Actuation(List<Operation> operations) {

  /** Copies the operations. */
  public Actuation {
    operations = operations == null ? List.of() : List.copyOf(operations);
  }

  /**
   * An actuation of the given operations.
   *
   * @param operations the operations
   * @return the actuation
   */
  public static Actuation of(Operation... operations) {
    return new Actuation(List.of(operations));
  }

  /**
   * The actuation that does nothing.
   *
   * @return an empty actuation
   */
  public static Actuation none() {
    return new Actuation(List.of());
  }

  /**
   * Whether there is nothing to do.
   *
   * @return true when there are no operations
   */
  public boolean isEmpty() {
    return operations.isEmpty();
  }
}
