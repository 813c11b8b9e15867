package dev.keel.testkit.spinnaker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A request a {@link FakeSpinnaker} received, with how it was answered.
 *
 * @param sequence its place among every request to the fake, from 1
 * @param service the service it reached
 * @param method the HTTP method
 * @param path the path, decoded
 * @param query the raw query string, or empty
 * @param headers the headers, names in lower case
 * @param body the request body (UTF-8), or empty
 * @param status the status answered, or 0 when the connection was dropped
 * @param fault the injected fault, or null
 */
public record RecordedRequest(long sequence, Service service, String method, String path, String query,
    Map<String, List<String>> headers, String body, int status, @Nullable Fault fault) {

  /** Copies. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return its value, or null
   */
  @Nullable
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
