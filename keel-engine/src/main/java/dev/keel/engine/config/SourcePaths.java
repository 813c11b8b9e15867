package dev.keel.engine.config;

import java.util.regex.Pattern;

/**
 * Builds and takes apart the paths used in problems, such as
 * {@code environments[1].resources[0].spec.containerAttributes["a.b"]}: plain names joined by dots,
 * indices in brackets, and names that are not plain quoted in brackets.
 */
final class SourcePaths {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  private SourcePaths() {}

  static String field(String parent, String name) {
    if (PLAIN.matcher(name).matches()) {
      return parent.isEmpty() ? name : parent + "." + name;
    }
    return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path one segment up, or null for the root. */
  static String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    if (path.endsWith("]")) {
      int open = openingBracket(path);
      return path.substring(0, open);
    }
    int cut = -1;
    boolean quoted = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '.' || c == ']')) {
        cut = c == '.' ? i : i + 1;
      }
    }
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private static int openingBracket(String path) {
    if (path.endsWith("\"]")) {
      // A quoted name: walk back to the unescaped opening quote.
      int i = path.length() - 3;
      while (i >= 0) {
        if (path.charAt(i) == '"' && (i == 0 || path.charAt(i - 1) != '\\')) {
          return i - 1;
        }
        i--;
      }
      return 0;
    }
    return path.lastIndexOf('[');
  }
}
