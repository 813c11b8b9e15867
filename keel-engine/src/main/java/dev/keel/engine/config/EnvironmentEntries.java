package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The resources of each environment before expansion: the entries it writes, after those it copies with
 * {@code like: OTHER} (changed by its {@code changes}). Finds unknown templates and environments, cycles and
 * over-long chains of {@code like}, changes that name no resource, and two resources of one environment with
 * the same name.
 */
final class EnvironmentEntries {

  static final String LIKE = "like";
  static final String CHANGES = "changes";
  static final String TEMPLATE = "template";
  static final String NAME = "name";
  static final String WITH = "with";
  static final String OVERRIDES = "overrides";
  private static final Set<String> INSTANTIATION_KEYS = Set.of(TEMPLATE, NAME, WITH, OVERRIDES);
  private static final Set<String> CHANGE_KEYS = Set.of(WITH, OVERRIDES);

  private final JsonNode environments;
  private final Map<String, Template> templates;
  private final Set<String> brokenTemplates;
  private final ExpansionContext ctx;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<Integer, List<ResourceEntry>> resolved = new HashMap<>();
  private final List<Integer> trail = new ArrayList<>();

  EnvironmentEntries(JsonNode environments, Map<String, Template> templates, Set<String> brokenTemplates,
      ExpansionContext ctx) {
    this.environments = environments;
    this.templates = templates;
    this.brokenTemplates = brokenTemplates;
    this.ctx = ctx;
    for (int i = 0; i < environments.size(); i++) {
      String name = nameOf(i);
      if (name != null) {
        byName.putIfAbsent(name, i);
      }
    }
  }

  /** The entries of the environment at an index, its copied ones first; empty for one that is not a mapping. */
  List<ResourceEntry> of(int index) {
    List<ResourceEntry> done = resolved.get(index);
    if (done != null) {
      return done;
    }
    JsonNode env = environments.get(index);
    if (!env.isObject()) {
      return List.of();
    }
    String path = envPath(index);
    List<ResourceEntry> entries = new ArrayList<>();
    JsonNode like = env.get(LIKE);
    if (like != null && !like.isNull()) {
      entries.addAll(copied(index, like, path));
    } else if (env.has(CHANGES)) {
      ctx.problem(SourcePaths.field(path, CHANGES), "'changes' apply to the resources an environment copies with"
          + " 'like: ENVIRONMENT'; add 'like', or write the resources under 'resources'");
    }
    entries.addAll(own(env, path, nameOf(index)));
    checkNames(entries, nameOf(index));
    List<ResourceEntry> result = List.copyOf(entries);
    resolved.put(index, result);
    return result;
  }

  /** The entries copied from the environment this one is declared like, changed by its {@code changes}. */
  private List<ResourceEntry> copied(int index, JsonNode like, String path) {
    String likePath = SourcePaths.field(path, LIKE);
    String name = nameOf(index);
    if (!like.isTextual()) {
      ctx.problem(likePath, "'like' names another environment of this config, as a string");
      return List.of();
    }
    Integer target = byName.get(like.asText());
    if (target == null || like.asText().equals(name)) {
      ctx.problem(likePath, like.asText().equals(name) ? "Environment '" + name + "' cannot be declared like itself"
          : "'like' names environment '" + like.asText() + "', which this config does not declare"
              + Suggestions.didYouMean(like.asText(), byName.keySet()) + ". Environments: "
              + String.join(", ", new TreeSet<>(byName.keySet())));
      return List.of();
    }
    int at = trail.indexOf(target);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>();
      for (int i : trail.subList(at, trail.size())) {
        cycle.add(nameOf(i) + " (like at " + ctx.locate(SourcePaths.field(envPath(i), LIKE)) + ")");
      }
      cycle.add(nameOf(index) + " (like at " + ctx.locate(likePath) + ")");
      cycle.add(nameOf(target));
      ctx.problem(likePath, "Environments are declared like each other in a cycle: " + String.join(" -> ", cycle)
          + "; no environment of the cycle has resources to copy. Write the resources in one of them");
      return List.of();
    }
    int depth = depth(index);
    if (depth > ctx.limits().maxLikeDepth()) {
      if (depth == ctx.limits().maxLikeDepth() + 1) {
        ctx.problem(likePath, "Environment '" + name + "' is declared like another through a chain of "
            + depth + " 'like' (more than the limit of " + ctx.limits().maxLikeDepth() + "); declare it like an"
            + " environment nearer the start of the chain");
      }
      return List.of();
    }
    trail.add(index);
    List<ResourceEntry> parent;
    try {
      parent = of(target);
    } finally {
      trail.remove(trail.size() - 1);
    }
    Map<String, Change> changes = changes(environments.get(index).get(CHANGES), SourcePaths.field(path, CHANGES));
    List<ResourceEntry> out = new ArrayList<>();
    for (ResourceEntry e : parent) {
      ctx.instantiation(likePath);
      Change change = e.name() == null ? null : changes.remove(e.name());
      if (change == null) {
        out.add(e.copied(like.asText(), likePath, Map.of(), null));
        continue;
      }
      if (e.template() == null && !change.with().isEmpty()) {
        ctx.problem(change.withPath(), "Resource '" + e.name() + "' copied from environment '" + like.asText()
            + "' is a plain resource (written at " + ctx.locate(e.path()) + "), which takes no arguments; change it"
            + " with 'overrides'");
      }
      out.add(e.copied(like.asText(), likePath, change.with(), change.overrides()));
    }
    Set<String> names = parent.stream().map(ResourceEntry::name).filter(n -> n != null)
        .collect(Collectors.toCollection(TreeSet::new));
    changes.values().forEach(c -> ctx.problem(c.path(), "'changes' names resource '" + c.name() + "', which"
        + " environment '" + like.asText() + "' (at " + ctx.locate(envPath(target)) + ") does not have"
        + Suggestions.didYouMean(c.name(), names) + (names.isEmpty() ? "; it has no named resources"
            : ". Its resources: " + String.join(", ", names))));
    return out;
  }

  /**
   * How many {@code like} lead from an environment to one that has none, counted no further than two past the
   * limit; -1 if they lead into a cycle, which resolving finds and reports.
   */
  private int depth(int index) {
    Set<Integer> seen = new java.util.HashSet<>();
    int depth = 0;
    for (Integer at = index; depth <= ctx.limits().maxLikeDepth() + 1; depth++) {
      if (!seen.add(at)) {
        return -1;
      }
      JsonNode env = environments.get(at);
      JsonNode like = env.isObject() ? env.get(LIKE) : null;
      Integer target = like != null && like.isTextual() ? byName.get(like.asText()) : null;
      if (target == null || target.equals(at)) {
        return depth;
      }
      at = target;
    }
    return depth;
  }

  /** What a {@code like} environment changes in one copied resource. */
  private record Change(String name, String path, Map<String, Substitution.Value> with, String withPath,
      @Nullable Substitution.Value overrides) {}

  private Map<String, Change> changes(@Nullable JsonNode node, String path) {
    Map<String, Change> changes = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return changes;
    }
    if (!node.isObject()) {
      ctx.problem(path, "'changes' must be a mapping from the names of copied resources to {with, overrides}");
      return changes;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String at = SourcePaths.field(path, e.getKey());
      if (!e.getValue().isObject()) {
        ctx.problem(at, "A change of resource '" + e.getKey() + "' must be a mapping with 'with' and/or 'overrides'");
        continue;
      }
      unknownKeys(e.getValue(), at, CHANGE_KEYS, "a change");
      changes.put(e.getKey(), new Change(e.getKey(), at, arguments(e.getValue(), at),
          SourcePaths.field(at, WITH), overrides(e.getValue(), at)));
    }
    return changes;
  }

  /** The entries an environment writes under {@code resources}. */
  private List<ResourceEntry> own(JsonNode env, String path, @Nullable String envName) {
    JsonNode resources = env.get("resources");
    String listPath = SourcePaths.field(path, "resources");
    List<ResourceEntry> entries = new ArrayList<>();
    if (resources == null || !resources.isArray()) {
      return entries; // a wrong type is the binder's to report
    }
    for (int i = 0; i < resources.size(); i++) {
      JsonNode node = resources.get(i);
      String at = SourcePaths.index(listPath, i);
      if (node.isObject() && node.has(TEMPLATE)) {
        ctx.instantiation(at);
      }
      ResourceEntry entry = entry(node, at, envName == null ? "" : envName);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @Nullable
  private ResourceEntry entry(JsonNode node, String path, String env) {
    if (!node.isObject()) {
      return new ResourceEntry(null, null, node, path, env, Map.of(), List.of(), List.of(), List.of());
    }
    String name = text(node, NAME, path);
    JsonNode template = node.get(TEMPLATE);
    if (template == null) {
      for (String key : List.of(WITH, OVERRIDES)) {
        if (node.has(key)) {
          ctx.problem(SourcePaths.field(path, key), "'" + key + "' applies to a template's instantiation: add"
              + " 'template: NAME', or edit the resource's spec");
        }
      }
      return new ResourceEntry(name, null, node, path, env, Map.of(), List.of(), List.of(), List.of());
    }
    unknownKeys(node, path, INSTANTIATION_KEYS, "a template's instantiation");
    String templatePath = SourcePaths.field(path, TEMPLATE);
    if (!template.isTextual()) {
      ctx.problem(templatePath, "'template' names a template of this config, as a string");
      return null;
    }
    if (!templates.containsKey(template.asText())) {
      if (!brokenTemplates.contains(template.asText())) {
        ctx.problem(templatePath, "No template named '" + template.asText() + "'"
            + Suggestions.didYouMean(template.asText(), templates.keySet()) + (templates.isEmpty()
                ? "; this config declares none: declare it under 'templates'"
                : ". Templates: " + String.join(", ", templates.keySet())));
      }
      return null;
    }
    Substitution.Value override = overrides(node, path);
    return new ResourceEntry(name != null ? name : template.asText(), template.asText(), node, path, env,
        arguments(node, path), override == null ? List.of() : List.of(override), List.of(), List.of());
  }

  private Map<String, Substitution.Value> arguments(JsonNode node, String path) {
    JsonNode with = node.get(WITH);
    Map<String, Substitution.Value> args = new LinkedHashMap<>();
    if (with == null || with.isNull()) {
      return args;
    }
    String withPath = SourcePaths.field(path, WITH);
    if (!with.isObject()) {
      ctx.problem(withPath, "'with' must be a mapping from parameter names to arguments");
      return args;
    }
    with.fields().forEachRemaining(e -> args.put(e.getKey(),
        new Substitution.Value(e.getValue(), SourcePaths.field(withPath, e.getKey()))));
    return args;
  }

  @Nullable
  private Substitution.Value overrides(JsonNode node, String path) {
    JsonNode overrides = node.get(OVERRIDES);
    if (overrides == null || overrides.isNull()) {
      return null;
    }
    String at = SourcePaths.field(path, OVERRIDES);
    if (!overrides.isObject()) {
      ctx.problem(at, "'overrides' must be a mapping: a partial spec merged into the instantiated one");
      return null;
    }
    return new Substitution.Value(overrides, at);
  }

  private void checkNames(List<ResourceEntry> entries, @Nullable String env) {
    Map<String, ResourceEntry> seen = new HashMap<>();
    for (ResourceEntry e : entries) {
      if (e.name() == null) {
        continue;
      }
      ResourceEntry first = seen.putIfAbsent(e.name(), e);
      if (first != null) {
        ctx.problem(e.path(), "Environment '" + env + "' has two resources named '" + e.name() + "': this one and"
            + " the one at " + ctx.locate(first.path()) + (first.like().isEmpty() ? "" : " (copied from environment '"
                + first.like().get(0) + "')") + "; give one a distinct 'name', or change the copied one under"
                + " 'changes'");
      }
    }
  }

  private void unknownKeys(JsonNode node, String path, Set<String> allowed, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        ctx.problem(SourcePaths.field(path, key), "Unknown property '" + key + "' in " + what
            + Suggestions.didYouMean(key, allowed) + ". Known properties: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  @Nullable
  private String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      ctx.problem(SourcePaths.field(path, field), "'" + field + "' must be a non-blank string");
      return null;
    }
    return v.asText();
  }

  @Nullable
  String nameOf(int index) {
    JsonNode env = environments.get(index);
    JsonNode name = env.isObject() ? env.get(NAME) : null;
    return name != null && name.isTextual() ? name.asText() : null;
  }

  static String envPath(int index) {
    return SourcePaths.index("environments", index);
  }
}
