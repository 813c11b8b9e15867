package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * One resource of an environment before expansion: an instantiation of a template, or a plain resource, as
 * written in its environment or copied into another by {@code like}. Paths are those of the parsed document.
 *
 * @param name the handle {@code changes} refers to it by: its {@code name}, else its template's name; null for
 *     a plain resource without a name
 * @param template the template instantiated, or null for a plain resource
 * @param node the entry as written
 * @param path where it is written
 * @param declaredIn the environment it is written in
 * @param arguments the arguments by parameter name, each where it was given
 * @param overrides the overrides to apply, in order, each where it was written
 * @param like the environments it was copied from, nearest first (the last is {@code declaredIn}); empty if it
 *     is written in its own environment
 * @param likePaths where each copying {@code like} is written, in the same order
 */
record ResourceEntry(@Nullable String name, @Nullable String template, JsonNode node, String path, String declaredIn,
    Map<String, Substitution.Value> arguments, List<Substitution.Value> overrides, List<String> like,
    List<String> likePaths) {

  ResourceEntry {
    arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    overrides = List.copyOf(overrides);
    like = List.copyOf(like);
    likePaths = List.copyOf(likePaths);
  }

  /**
   * This entry as copied into another environment by {@code like}, with that environment's changes.
   *
   * @param from the environment copied from (the {@code like} target)
   * @param likePath where that {@code like} is written
   * @param with arguments that replace this entry's, or empty
   * @param override an override applied after this entry's, or null
   */
  ResourceEntry copied(String from, String likePath, Map<String, Substitution.Value> with,
      @Nullable Substitution.Value override) {
    var args = new LinkedHashMap<>(arguments);
    args.putAll(with);
    List<Substitution.Value> o = new ArrayList<>(overrides);
    if (override != null) {
      o.add(override);
    }
    List<String> l = new ArrayList<>(List.of(from));
    l.addAll(like);
    List<String> lp = new ArrayList<>(List.of(likePath));
    lp.addAll(likePaths);
    return new ResourceEntry(name, template, node, path, declaredIn, args, o, l, lp);
  }
}
