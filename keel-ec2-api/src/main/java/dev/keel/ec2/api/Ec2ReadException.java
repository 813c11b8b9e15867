package dev.keel.ec2.api;

/**
 * A read of EC2 state failed for a reason other than absence (absence is an empty result), such as a 5xx
 * from the cloud's API. The engine records the check as failed and retries later.
 */
public class Ec2ReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and where
   */
  public Ec2ReadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed and where
   * @param cause the underlying failure, such as a failed HTTP call
   */
  public Ec2ReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
