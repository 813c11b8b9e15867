package dev.keel.spring.api;

import dev.keel.engine.config.ConfigProblem;
import java.util.List;

/**
 * A request Keel's REST API refuses, with the HTTP status to answer and a message saying what to change. Config
 * problems carry their {@code FILE:LINE:COL} places.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<ConfigProblem> problems;

  /**
   * A refusal.
   *
   * @param status the HTTP status
   * @param message what is wrong and how to fix it
   * @param problems config problems, empty for other refusals
   */
  public ApiException(int status, String message, List<ConfigProblem> problems) {
    super(message, null, false, false);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message, List.of());
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message, List.of());
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, message, List.of());
  }

  static ApiException conflict(String message) {
    return new ApiException(409, message, List.of());
  }

  /** @return the HTTP status to answer */
  public int status() {
    return status;
  }

  /** @return the config problems, in order; empty for other refusals */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
