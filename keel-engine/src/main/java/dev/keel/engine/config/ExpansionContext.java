package dev.keel.engine.config;

import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one expansion of templates builds and spends: where each expanded value was written (paths of the new
 * tree mapped to paths of the parsed document), the problems found (each reported once, though an
 * environment copied by {@code like} meets the same argument again), and the budget that bounds it.
 */
final class ExpansionContext {

  private final Problems problems;
  private final ReaderLimits limits;
  private final NavigableMap<String, String> origins = new TreeMap<>();
  private final Set<String> reported = new HashSet<>();
  private long nodes;
  private long chars;
  private int instantiations;

  ExpansionContext(Problems problems, ReaderLimits limits) {
    this.problems = problems;
    this.limits = limits;
    origins.put("", "");
  }

  Problems problems() {
    return problems;
  }

  ReaderLimits limits() {
    return limits;
  }

  /** Reports a problem at a path of the parsed document, once however often the expansion meets it. */
  void problem(String path, String message) {
    if (reported.add(path + "\u0000" + message)) {
      problems.add(path, message);
    }
  }

  /** Where a path of the parsed document is, for a message: {@code SOURCE:LINE:COL}. */
  String locate(String path) {
    return problems.locate(path);
  }

  /** Records that the value at {@code to} (and below it) was written at {@code from}. */
  void origin(String to, String from) {
    origins.put(to, from);
  }

  /**
   * Records that the value at {@code to} was replaced by one written at {@code from}: what was recorded below
   * {@code to} belonged to the value replaced.
   */
  void replaced(String to, String from) {
    origins.subMap(to + ".", to + ".\uffff").clear();
    origins.subMap(to + "[", to + "[\uffff").clear();
    origins.put(to, from);
  }

  Map<String, String> origins() {
    return origins;
  }

  /** Counts one instantiated resource, refusing the document beyond {@link ReaderLimits#maxInstantiations()}. */
  void instantiation(String at) {
    if (++instantiations > limits.maxInstantiations()) {
      refuse(at, "The templates instantiate more than " + limits.maxInstantiations() + " resources (the limit); "
          + "check for environments copied with 'like' more often than intended");
    }
  }

  /**
   * Counts one value of the expansion, at a nesting depth and with a length of text, refusing the document
   * beyond the reader's limits.
   *
   * @param at the path of the parsed document responsible, for the refusal's position
   */
  void value(int depth, int textLength, String at) {
    if (++nodes > limits.maxNodes()) {
      refuse(at, "The templates expand to more than " + limits.maxNodes() + " values (the limit); check for large"
          + " templates or arguments instantiated many times");
    }
    chars += Math.max(1, textLength);
    if (chars > limits.maxDocumentChars()) {
      refuse(at, "The templates expand to more than " + limits.maxDocumentChars() + " characters of values (the"
          + " document size limit, which the rendered config must also fit); check for large templates or arguments"
          + " instantiated many times");
    }
    if (depth > limits.maxNestingDepth()) {
      refuse(at, "The expanded config is nested more than " + limits.maxNestingDepth() + " levels deep; an argument"
          + " substituted deep into a template nests it further");
    }
  }

  /** Stops the expansion with a problem, together with those found so far. */
  private void refuse(String at, String message) {
    problems.add(at, message);
    problems.throwIfAny();
  }
}
