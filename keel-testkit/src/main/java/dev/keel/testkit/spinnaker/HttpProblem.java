package dev.keel.testkit.spinnaker;

/** A request the fake answers with an error status and message, as Spring's error body. */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpProblem notFound(String message) {
    return new HttpProblem(404, message);
  }

  static HttpProblem badRequest(String message) {
    return new HttpProblem(400, message);
  }
}
