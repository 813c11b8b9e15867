package dev.keel.testkit.spinnaker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes of one service: path templates with {@code {variables}}, by method. */
final class Router {

  /** A route's handler. */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request);
  }

  private record Entry(String method, String[] template, Handler handler) {}

  /**
   * A route found for a request.
   *
   * @param handler the handler
   * @param params the template's variables
   */
  record Match(Handler handler, Map<String, String> params) {}

  private final List<Entry> entries = new ArrayList<>();

  Router add(String method, String template, Handler handler) {
    entries.add(new Entry(method, segments(template), handler));
    return this;
  }

  /**
   * The route of a request.
   *
   * @throws HttpProblem 405 when the path is routed for other methods only
   */
  Optional<Match> match(String method, String path) {
    String[] actual = segments(path);
    boolean pathKnown = false;
    for (Entry e : entries) {
      Map<String, String> params = bind(e.template, actual);
      if (params == null) {
        continue;
      }
      if (e.method.equals(method)) {
        return Optional.of(new Match(e.handler, params));
      }
      pathKnown = true;
    }
    if (pathKnown) {
      throw new HttpProblem(405, "Request method '" + method + "' is not supported on " + path);
    }
    return Optional.empty();
  }

  private static Map<String, String> bind(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), actual[i]);
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] segments(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
