package dev.keel.spinnaker;

import dev.keel.spi.KeelException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A call to Clouddriver or Orca failed. The message names the call (method, service, path) and, where there was
 * a response, its status; {@link #kind()} tells what went wrong, so a caller can tell a refusal from an outage.
 */
public class SpinnakerCallException extends KeelException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The service answered 4xx (other than 404 on a read, which means absent): retrying will not help. */
    REJECTED,
    /** No connection, or 429/5xx, after the retries a read makes. */
    UNAVAILABLE,
    /** No response within the timeout: the service may have received the request. */
    TIMEOUT,
    /** A response that is not the JSON expected. */
    MALFORMED
  }

  private final Kind kind;
  private final String call;
  @Nullable private final Integer status;

  /**
   * An exception.
   *
   * @param kind what went wrong
   * @param call the call, such as {@code GET clouddriver /credentials/test}
   * @param status the response's status, or null without a response
   * @param detail what happened, for people
   * @param cause the underlying failure, or null
   */
  public SpinnakerCallException(Kind kind, String call, @Nullable Integer status, String detail,
      @Nullable Throwable cause) {
    super(call + (status == null ? "" : " answered " + status) + ": " + detail, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.call = call;
    this.status = status;
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The call.
   *
   * @return method, service and path
   */
  public String call() {
    return call;
  }

  /**
   * The response's status.
   *
   * @return it, or null when there was no response
   */
  @Nullable
  public Integer status() {
    return status;
  }
}
