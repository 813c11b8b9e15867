package dev.keel.spi.http;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A service's response.
 *
 * @param status the status code
 * @param headers the response headers, names in lower case
 * @param body the body, empty when there is none
 */
public record HttpResponse(int status, Map<String, List<String>> headers, String body) {

  /** Checks and copies; header names are lower-cased. */
  public HttpResponse {
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers = Collections.unmodifiableMap(lower);
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Whether the status is 2xx.
   *
   * @return true for success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
