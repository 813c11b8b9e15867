package dev.keel.spi.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A request to a service known by name.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param service the service's name, such as {@code clouddriver}: the transport knows its base URL
 * @param path the path under the service's base URL, starting with {@code /}, its segments already encoded
 * @param query query parameters in order, not encoded
 * @param headers request headers
 * @param body the body, or null for none
 * @param timeout how long to wait for the whole response, connecting included
 */
public record HttpRequest(String method, String service, String path, Map<String, String> query,
    Map<String, String> headers, @Nullable String body, Duration timeout) {

  /** Checks and copies, keeping the order of the query and headers. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(timeout, "timeout");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("An HTTP request's path starts with '/', got '" + path + "'");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("An HTTP request's timeout must be positive, got " + timeout);
    }
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * How the call is named in messages: method, service and path.
   *
   * @return such as {@code GET clouddriver /credentials/test}
   */
  public String describe() {
    return method + " " + service + " " + path;
  }
}
