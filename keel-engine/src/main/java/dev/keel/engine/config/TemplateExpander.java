package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.spi.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Expands the templates of a delivery config into a plain one, before binding: each environment's resources
 * become those it copies with {@code like} (changed by its {@code changes}) followed by its own, and each
 * instantiation becomes the template's kind, metadata and spec with the arguments written in and the overrides
 * merged. The {@code templates} section, {@code like}, {@code changes} and resource {@code name}s are gone from
 * the result, which every reader of Keel's format accepts.
 *
 * <p>The result is a {@link LocatedTree} whose every value is placed where it was written (the template's text,
 * the argument, the override), and whose expanded resources note what produced them, so that a problem found
 * when binding names both places. No expansion feeds another (arguments and overrides are not expanded, and
 * templates cannot instantiate templates), so it costs time in proportion to its result, which the reader's
 * limits bound.
 */
final class TemplateExpander {

  /**
   * An expanded config.
   *
   * @param tree the plain config, located in the parsed document
   * @param metadata per resource path of the plain config, the metadata entries recording its provenance
   */
  record Expansion(LocatedTree tree, Map<String, Map<String, Object>> metadata) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Depth of an environment's resource in the document: root, environments, [i], resources, [j]. */
  private static final int RESOURCE_DEPTH = 4;

  private final KindRegistry registry;
  private final SpecSchema schema;
  private final ExpansionContext ctx;
  private final Map<String, Template> templates;
  private final Map<String, String> notes = new HashMap<>();
  private final Map<String, Map<String, Object>> metadata = new HashMap<>();

  private TemplateExpander(KindRegistry registry, SpecSchema schema, ExpansionContext ctx,
      Map<String, Template> templates) {
    this.registry = registry;
    this.schema = schema;
    this.ctx = ctx;
    this.templates = templates;
  }

  /**
   * Whether a document uses templates: a {@code templates} section, an environment declared {@code like}
   * another or with {@code changes}, or a resource instantiating a template. A document that does not is read
   * exactly as written.
   */
  static boolean templated(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    if (root.has(TemplateDeclarations.SECTION)) {
      return true;
    }
    JsonNode envs = root.get("environments");
    if (envs == null || !envs.isArray()) {
      return false;
    }
    for (JsonNode env : envs) {
      if (env.isObject() && (env.has(EnvironmentEntries.LIKE) || env.has(EnvironmentEntries.CHANGES))) {
        return true;
      }
      JsonNode resources = env.isObject() ? env.get("resources") : null;
      if (resources != null && resources.isArray()) {
        for (JsonNode r : resources) {
          if (r.isObject() && r.has(EnvironmentEntries.TEMPLATE)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Expands a parsed document.
   *
   * @param problems the parsed document's problems, with any found while parsing
   * @throws ConfigException with every problem of the templates and their uses, and those found while parsing
   */
  static Expansion expand(LocatedTree parsed, Problems problems, KindRegistry registry, SpecSchema schema,
      ReaderLimits limits) {
    JsonNode root = parsed.root();
    ExpansionContext ctx = new ExpansionContext(problems, limits);
    Set<String> broken = new HashSet<>();
    Map<String, Template> templates = TemplateDeclarations.read(root, problems, broken);
    TemplateExpander expander = new TemplateExpander(registry, schema, ctx, templates);
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals(TemplateDeclarations.SECTION)) {
        continue;
      }
      boolean environments = e.getKey().equals("environments") && e.getValue().isArray();
      out.set(e.getKey(), environments ? expander.environments(root, e.getValue(), broken) : e.getValue());
    }
    problems.throwIfAny();
    return new Expansion(LocatedTree.expanded(out, parsed, ctx.origins(), expander.notes), expander.metadata);
  }

  private ArrayNode environments(JsonNode root, JsonNode envs, Set<String> broken) {
    EnvironmentEntries entries = new EnvironmentEntries(envs, templates, broken, ctx);
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < envs.size(); i++) {
      JsonNode env = envs.get(i);
      if (!env.isObject()) {
        out.add(env);
        continue;
      }
      List<ResourceEntry> list = entries.of(i);
      JsonNode resources = env.get("resources");
      boolean replace = resources == null || resources.isNull() || resources.isArray();
      ObjectNode outEnv = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
        var e = it.next();
        String key = e.getKey();
        if (key.equals(EnvironmentEntries.LIKE) || key.equals(EnvironmentEntries.CHANGES)) {
          continue;
        }
        outEnv.set(key, key.equals("resources") && replace ? resources(root, i, env, list) : e.getValue());
      }
      if (!env.has("resources") && !list.isEmpty()) {
        outEnv.set("resources", resources(root, i, env, list));
      }
      out.add(outEnv);
    }
    return out;
  }

  private ArrayNode resources(JsonNode root, int index, JsonNode env, List<ResourceEntry> entries) {
    String envPath = EnvironmentEntries.envPath(index);
    String listPath = SourcePaths.field(envPath, "resources");
    Map<String, Substitution.Value> builtIn = new HashMap<>();
    JsonNode name = env.get("name");
    if (name != null && name.isTextual()) {
      builtIn.put(Placeholders.ENVIRONMENT_NAME, new Substitution.Value(name, SourcePaths.field(envPath, "name")));
    }
    JsonNode locations = env.get("locations");
    JsonNode account = locations != null && locations.isObject() ? locations.get("account") : null;
    if (account != null && account.isTextual()) {
      builtIn.put(Placeholders.ENVIRONMENT_ACCOUNT, new Substitution.Value(account,
          SourcePaths.field(SourcePaths.field(envPath, "locations"), "account")));
    }
    JsonNode application = root.get("application");
    if (application != null && application.isTextual()) {
      builtIn.put(Placeholders.APPLICATION, new Substitution.Value(application, "application"));
    }
    ArrayNode out = NODES.arrayNode();
    for (ResourceEntry entry : entries) {
      String to = SourcePaths.index(listPath, out.size());
      JsonNode node = entry.template() == null ? plain(entry, to, name == null ? "" : name.asText())
          : instantiate(entry, templates.get(entry.template()), to, envPath, name == null ? "" : name.asText(), builtIn);
      if (node != null) {
        out.add(node);
      }
    }
    return out;
  }

  /** A plain resource, as written or copied with {@code like}, without its {@code name}, with its overrides. */
  private JsonNode plain(ResourceEntry entry, String to, String envName) {
    ctx.replaced(to, entry.path());
    if (!entry.node().isObject() || (!entry.node().has(EnvironmentEntries.NAME) && entry.like().isEmpty())) {
      return entry.node();
    }
    ObjectNode out = NODES.objectNode();
    entry.node().fields().forEachRemaining(e -> {
      if (!e.getKey().equals(EnvironmentEntries.NAME)) {
        out.set(e.getKey(), e.getValue());
      }
    });
    if (!entry.like().isEmpty()) {
      count(out, RESOURCE_DEPTH, entry.path());
      String note = "; copied from environment '" + entry.declaredIn() + "' (" + ctx.locate(entry.path())
          + ") by 'like' " + likes(entry, envName);
      JsonNode spec = out.get("spec");
      ResourceKind kind = kindOf(out.get("kind"));
      if (spec != null && spec.isObject() && !entry.overrides().isEmpty()) {
        out.set("spec", overridden(spec, entry, kind, to, note));
      }
      notes.put(to, note);
      metadata.put(to, Map.of(TemplateProvenance.METADATA_KEY, provenance(entry, null).toMetadata()));
    }
    return out;
  }

  @Nullable
  private JsonNode instantiate(ResourceEntry entry, Template t, String to, String envPath, String envName,
      Map<String, Substitution.Value> builtIn) {
    Map<String, Substitution.Value> values = arguments(entry, t);
    if (values == null) {
      // Still check the overrides' paths, so that every problem of the instantiation is reported at once.
      String note = "; overriding template '" + t.name() + "' (" + ctx.locate(t.path()) + ")";
      overridden(NODES.objectNode(), entry, t.kind(), to, note);
      return null;
    }
    if (t.usesAccount() && !builtIn.containsKey(Placeholders.ENVIRONMENT_ACCOUNT)) {
      ctx.problem(entry.like().isEmpty() ? entry.path() : envPath, "Template '" + t.name() + "' (at "
          + ctx.locate(t.path()) + ") refers to ${environment.account}, but environment '" + envName
          + "' declares no 'locations.account' to give it; declare the environment's locations");
      return null;
    }
    values.putAll(builtIn);
    String note = "; from template '" + t.name() + "' (" + ctx.locate(t.path()) + ") instantiated at "
        + ctx.locate(entry.path()) + (entry.like().isEmpty() ? "" : " in environment '" + entry.declaredIn()
            + "', copied by 'like' " + likes(entry, envName));
    Substitution substitution = new Substitution(values, ctx, note, entry.path());
    ctx.replaced(to, entry.path());
    ObjectNode out = NODES.objectNode();
    out.put("kind", t.kindText());
    ctx.origin(SourcePaths.field(to, "kind"), t.kindPath());
    if (t.metadata() != null) {
      String metadataTo = SourcePaths.field(to, "metadata");
      ctx.origin(metadataTo, t.metadataPath());
      JsonNode m = substitution.copy(t.metadata(), t.metadataPath(), metadataTo, RESOURCE_DEPTH + 1);
      if (m != null) {
        out.set("metadata", m);
      }
    }
    String specTo = SourcePaths.field(to, "spec");
    ctx.origin(specTo, t.specPath());
    JsonNode spec = substitution.copy(t.spec(), t.specPath(), specTo, RESOURCE_DEPTH + 1);
    out.set("spec", overridden(spec, entry, t.kind(), to, note));
    notes.put(to, note);
    metadata.put(to, Map.of(TemplateProvenance.METADATA_KEY, provenance(entry, t).toMetadata()));
    return out;
  }

  /**
   * The values an instantiation's references name: its arguments, then the defaults; null after reporting an
   * unknown parameter, a missing argument or one of the wrong type.
   */
  @Nullable
  private Map<String, Substitution.Value> arguments(ResourceEntry entry, Template t) {
    boolean ok = true;
    String declared = "declared at " + ctx.locate(t.parametersPath());
    for (var arg : entry.arguments().entrySet()) {
      TemplateParameter p = t.parameters().get(arg.getKey());
      if (p == null) {
        ok = false;
        ctx.problem(arg.getValue().path(), "Template '" + t.name() + "' has no parameter '" + arg.getKey() + "'"
            + Suggestions.didYouMean(arg.getKey(), t.parameters().keySet()) + (t.parameters().isEmpty()
                ? "; it declares none (at " + ctx.locate(t.path()) + ")"
                : "; its parameters (" + declared + "): " + signature(t)));
      } else if (!p.type().accepts(arg.getValue().node())) {
        ok = false;
        ctx.problem(arg.getValue().path(), "Argument '" + arg.getKey() + "' is "
            + ParameterType.describe(arg.getValue().node()) + ", but parameter '" + p.name() + "' of template '"
            + t.name() + "' is " + TemplateDeclarations.article(p.type()) + " (declared at " + ctx.locate(p.path())
            + ")");
      }
    }
    Map<String, Substitution.Value> values = new LinkedHashMap<>();
    for (TemplateParameter p : t.parameters().values()) {
      Substitution.Value given = entry.arguments().get(p.name());
      if (given != null) {
        values.put(p.name(), given);
      } else if (p.required()) {
        ok = false;
        ctx.problem(SourcePaths.field(entry.path(), EnvironmentEntries.TEMPLATE), "Template '" + t.name()
            + "' needs argument '" + p.name() + "' (" + p.type() + ", declared at " + ctx.locate(p.path())
            + "); give it under 'with'");
      } else {
        values.put(p.name(), new Substitution.Value(p.defaultValue(), p.path()));
      }
    }
    return ok ? values : null;
  }

  private JsonNode overridden(JsonNode spec, ResourceEntry entry, @Nullable ResourceKind kind, String to, String note) {
    var supported = kind == null ? null : registry.kind(kind).orElse(null);
    SpecSchema.Node shape = supported == null ? new SpecSchema.Open() : schema.of(supported.specClass());
    OverrideMerge merge = new OverrideMerge(schema, ctx, String.valueOf(kind), note, entry.path());
    JsonNode result = spec;
    for (Substitution.Value o : entry.overrides()) {
      result = merge.merge(result, o.node(), shape, o.path(), SourcePaths.field(to, "spec"), "", RESOURCE_DEPTH + 1);
    }
    return result;
  }

  private TemplateProvenance provenance(ResourceEntry entry, @Nullable Template t) {
    List<TemplateProvenance.AppliedOverride> overrides = new ArrayList<>();
    entry.overrides().forEach(o -> leaves(o.node(), o.path(), "", overrides));
    return new TemplateProvenance(t == null ? null : t.name(), t == null ? null : ctx.locate(t.path()),
        entry.declaredIn(), ctx.locate(entry.path()), entry.like(), List.copyOf(new TreeSet<>(entry.arguments().keySet())),
        overrides);
  }

  private void leaves(JsonNode node, String path, String relative, List<TemplateProvenance.AppliedOverride> out) {
    if (node.isObject() && node.size() > 0) {
      node.fields().forEachRemaining(e -> leaves(e.getValue(), SourcePaths.field(path, e.getKey()),
          SourcePaths.field(relative, e.getKey()), out));
    } else {
      out.add(new TemplateProvenance.AppliedOverride(relative, ctx.locate(path)));
    }
  }

  /**
   * The {@code like} declarations that copied an entry into an environment, the nearest last:
   * {@code into staging (f:9:3), then into production (f:20:3)}.
   */
  private String likes(ResourceEntry entry, String envName) {
    List<String> into = new ArrayList<>();
    for (int i = entry.likePaths().size() - 1; i >= 0; i--) {
      String env = i == 0 ? envName : entry.like().get(i - 1);
      into.add("into " + env + " (" + ctx.locate(entry.likePaths().get(i)) + ")");
    }
    return String.join(", then ", into);
  }

  @Nullable
  private static ResourceKind kindOf(@Nullable JsonNode kind) {
    if (kind == null || !kind.isTextual()) {
      return null;
    }
    try {
      return ResourceKind.parse(kind.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String signature(Template t) {
    List<String> s = new ArrayList<>();
    t.parameters().values().forEach(p -> s.add(p.name() + " (" + p.type() + (p.required() ? "" : ", optional") + ")"));
    return String.join(", ", s);
  }

  /** Counts a value copied as it is, against the limits. */
  private void count(JsonNode node, int depth, String at) {
    ctx.value(depth, node.isTextual() ? node.asText().length() : 0, at);
    node.fields().forEachRemaining(e -> {
      ctx.value(depth + 1, e.getKey().length(), at);
      count(e.getValue(), depth + 1, at);
    });
    if (node.isArray()) {
      node.forEach(e -> count(e, depth + 1, at));
    }
  }
}
