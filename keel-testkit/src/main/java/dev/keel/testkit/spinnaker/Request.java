package dev.keel.testkit.spinnaker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A request as a route handler sees it.
 *
 * @param method the HTTP method
 * @param path the decoded path
 * @param params the path template's variables
 * @param query the query parameters, decoded
 * @param headers the headers, names in lower case
 * @param body the body, UTF-8
 * @param fault a fault the handler acts on itself ({@link Fault.FailTask}), or null
 */
record Request(String method, String path, Map<String, String> params, Map<String, List<String>> query,
    Map<String, List<String>> headers, String body, @Nullable Fault fault) {

  Request withParams(Map<String, String> p) {
    return new Request(method, path, Map.copyOf(p), query, headers, body, fault);
  }

  String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalStateException("No path variable " + name + " in " + path);
    }
    return v;
  }

  @Nullable
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  String query(String name, String fallback) {
    String v = query(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  @Nullable
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
