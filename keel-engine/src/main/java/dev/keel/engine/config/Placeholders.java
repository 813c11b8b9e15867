package dev.keel.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The {@code ${name}} references in a template's strings. {@code $${} writes a literal {@code ${}; any other
 * {@code $} is itself. A name is a parameter, or one of the values every template may use:
 * {@code environment.name}, {@code environment.account} and {@code application}.
 */
final class Placeholders {

  static final String ENVIRONMENT_NAME = "environment.name";
  static final String ENVIRONMENT_ACCOUNT = "environment.account";
  static final String APPLICATION = "application";
  static final List<String> BUILT_IN = List.of(ENVIRONMENT_NAME, ENVIRONMENT_ACCOUNT, APPLICATION);

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  private Placeholders() {}

  /** One piece of a parsed string. */
  sealed interface Part permits Text, Ref {}

  /** Literal text. */
  record Text(String text) implements Part {}

  /** A reference to a value by name. */
  record Ref(String name) implements Part {}

  /** Whether a string may hold references or escapes, and must be parsed. */
  static boolean mayHave(String s) {
    return s.indexOf('$') >= 0;
  }

  /**
   * Splits a string into text and references.
   *
   * @throws IllegalArgumentException saying what is malformed and how to write it
   */
  static List<Part> parse(String s) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("$${", i)) {
        text.append("${");
        i += 3;
      } else if (s.startsWith("${", i)) {
        int end = s.indexOf('}', i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("'${' is not closed by '}': write ${name}, or $${ for a literal '${'");
        }
        String name = s.substring(i + 2, end);
        if (!NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("'${" + name + "}' is not a reference: write ${name} with a parameter's"
              + " name (letters, digits, '_' and '-'), or $${ for a literal '${'");
        }
        if (text.length() > 0) {
          parts.add(new Text(text.toString()));
          text.setLength(0);
        }
        parts.add(new Ref(name));
        i = end + 1;
      } else {
        text.append(s.charAt(i++));
      }
    }
    if (text.length() > 0 || parts.isEmpty()) {
      parts.add(new Text(text.toString()));
    }
    return List.copyOf(parts);
  }

  /** The reference a whole string consists of, or null if it is anything else. */
  @Nullable
  static Ref whole(List<Part> parts) {
    return parts.size() == 1 && parts.get(0) instanceof Ref r ? r : null;
  }
}
