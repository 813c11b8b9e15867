package dev.keel.spring.web;

import dev.keel.engine.config.ConfigProblem;
import dev.keel.spring.api.ApiException;
import java.util.LinkedHashMap;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers the refusals and failures of Keel's controllers (and only theirs) as JSON: {@code status}, {@code error},
 * {@code message}, and for an invalid config its {@code problems} with source, line, column, path and the
 * {@code FILE:LINE:COL: message} line the CLI prints. Never a stack trace: an unexpected failure is logged and
 * answered 500 with a message pointing at the log.
 */
@RestControllerAdvice(assignableTypes = {DeliveryConfigController.class, ResourceController.class,
    ApplicationController.class})
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> refused(ApiException e) {
    Map<String, Object> body = body(e.status(), e.getMessage());
    if (!e.problems().isEmpty()) {
      body.put("problems", e.problems().stream().map(ApiErrors::problem).toList());
    }
    return respond(e.status(), body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return respond(400, body(400, "The request body is not the JSON object this endpoint takes"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return respond(400, body(400, "Bad value for " + e.getName()));
  }

  /**
   * Spring MVC's own request exceptions (a missing parameter or header, an unsupported method) go on to Spring's
   * resolvers, which answer them 4xx; anything else is a failure of Keel, answered 500 without its stack trace.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> failed(Exception e) throws Exception {
    if (e.getClass().getName().startsWith("org.springframework.web.")) {
      throw e;
    }
    LOG.error("Keel's REST API failed", e);
    return respond(500, body(500, "Keel failed to answer (" + e.getClass().getSimpleName()
        + "); the server log has the details"));
  }

  private static Map<String, Object> problem(ConfigProblem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.source());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("path", p.path());
    m.put("message", p.message());
    m.put("text", p.toString());
    return m;
  }

  private static Map<String, Object> body(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    HttpStatus known = HttpStatus.resolve(status);
    body.put("error", known == null ? "Error" : known.getReasonPhrase());
    body.put("message", message);
    return body;
  }

  private static ResponseEntity<Map<String, Object>> respond(int status, Map<String, Object> body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

}
