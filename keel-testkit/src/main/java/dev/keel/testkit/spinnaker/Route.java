package dev.keel.testkit.spinnaker;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Requests a fault applies to: a service, a method ({@code *} for any) and a path glob, where {@code *} stands
 * for one path segment or part of one and {@code **} for any number of segments, such as
 * {@code /applications/*}{@code /clusters/**} or {@code /tasks/*}. The query string is not matched.
 *
 * @param service the service
 * @param method the HTTP method, or {@code *}
 * @param pathGlob the path glob
 */
public record Route(Service service, String method, String pathGlob) {

  /** Checks and normalises the method. */
  public Route {
    Objects.requireNonNull(service, "service");
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(pathGlob, "pathGlob");
    if (!pathGlob.startsWith("/")) {
      throw new IllegalArgumentException("A path glob starts with '/', got " + pathGlob);
    }
  }

  /**
   * Clouddriver requests.
   *
   * @param method the method, or {@code *}
   * @param pathGlob the path glob
   * @return the route
   */
  public static Route clouddriver(String method, String pathGlob) {
    return new Route(Service.CLOUDDRIVER, method, pathGlob);
  }

  /**
   * Orca requests.
   *
   * @param method the method, or {@code *}
   * @param pathGlob the path glob
   * @return the route
   */
  public static Route orca(String method, String pathGlob) {
    return new Route(Service.ORCA, method, pathGlob);
  }

  /**
   * Whether a request is on this route.
   *
   * @param requestService the service it reached
   * @param requestMethod its method
   * @param path its path, without the query
   * @return true if it matches
   */
  public boolean matches(Service requestService, String requestMethod, String path) {
    return service == requestService && (method.equals("*") || method.equalsIgnoreCase(requestMethod))
        && pattern().matcher(path).matches();
  }

  private Pattern pattern() {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pathGlob.length(); i++) {
      char c = pathGlob.charAt(i);
      if (c == '*' && i + 1 < pathGlob.length() && pathGlob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return service.name().toLowerCase(Locale.ROOT) + " " + method + " " + pathGlob;
  }
}
