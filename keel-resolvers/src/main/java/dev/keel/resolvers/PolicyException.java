package dev.keel.resolvers;

import dev.keel.spi.KeelException;
import java.util.List;

/** Policy rules could not be loaded; every problem names the rule and the field. */
public class PolicyException extends KeelException {

  private final List<String> problems;

  /**
   * An exception listing problems.
   *
   * @param problems each one naming its rule, such as {@code policies[1] (min-capacity).atLeast.value: ...}
   */
  public PolicyException(List<String> problems) {
    super("Invalid policy rules:\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems.
   *
   * @return one message per problem
   */
  public List<String> problems() {
    return problems;
  }
}
