package dev.keel.engine.config;

import dev.keel.spi.KeelException;

/**
 * Two extensions claimed the same resource kind, constraint type, verification type or artifact type.
 * The message names both, so the operator can remove or disable one.
 */
public class RegistrationConflictException extends KeelException {

  private final String what;
  private final String name;
  private final String first;
  private final String second;

  /**
   * An exception naming the conflict.
   *
   * @param what what was claimed twice, such as "resource kind"
   * @param name the name claimed
   * @param first who claimed it first
   * @param second who claimed it again
   */
  public RegistrationConflictException(String what, String name, String first, String second) {
    super("The " + what + " '" + name + "' is claimed by both " + first + " and " + second
        + ": disable one of them");
    this.what = what;
    this.name = name;
    this.first = first;
    this.second = second;
  }

  /**
   * What was claimed twice.
   *
   * @return such as {@code resource kind}
   */
  public String what() {
    return what;
  }

  /**
   * The name claimed twice.
   *
   * @return such as {@code ec2/cluster@v1.1}
   */
  public String name() {
    return name;
  }

  /**
   * Who claimed the name first.
   *
   * @return the owner, such as {@code plugin 'ec2' (dev.keel.ec2.ClusterHandler)}
   */
  public String first() {
    return first;
  }

  /**
   * Who claimed the name again.
   *
   * @return the second claimant
   */
  public String second() {
    return second;
  }
}
