package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.model.ResourceKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code templates} section of a delivery config, and checks each template on its own: its keys, its
 * kind, its parameters and their defaults, and that every {@code ${name}} in its spec and metadata names a
 * parameter or a built-in value and is used as its type allows.
 */
final class TemplateDeclarations {

  static final String SECTION = "templates";
  private static final Set<String> KEYS = Set.of("kind", "description", "parameters", "metadata", "spec");
  private static final Set<String> PARAMETER_KEYS = Set.of("type", "default", "description");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final Problems problems;

  private TemplateDeclarations(Problems problems) {
    this.problems = problems;
  }

  /**
   * The templates a document declares, by name, in order. A template with problems is reported and left out,
   * so that its uses are not reported again as unknown.
   */
  static Map<String, Template> read(JsonNode root, Problems problems, Set<String> broken) {
    JsonNode section = root.get(SECTION);
    Map<String, Template> templates = new LinkedHashMap<>();
    if (section == null || section.isNull()) {
      return templates;
    }
    if (!section.isObject()) {
      problems.add(SECTION, "'templates' must be a mapping from template names to templates, such as"
          + " 'templates: {main-cluster: {kind: ec2/cluster@v1.1, parameters: {...}, spec: {...}}}'");
      return templates;
    }
    TemplateDeclarations reader = new TemplateDeclarations(problems);
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      var e = it.next();
      int before = problems.size();
      Template t = reader.template(e.getKey(), e.getValue(), SourcePaths.field(SECTION, e.getKey()));
      if (t != null && problems.size() == before) {
        templates.put(t.name(), t);
      } else {
        broken.add(e.getKey());
      }
    }
    return templates;
  }

  private Template template(String name, JsonNode node, String path) {
    if (!NAME.matcher(name).matches()) {
      problems.add(path, "Invalid template name '" + name + "': use letters, digits, '.', '_' and '-'");
    }
    if (!node.isObject()) {
      problems.add(path, "Template '" + name + "' must be a mapping with 'kind' and 'spec'");
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(SourcePaths.field(path, key), "Unknown property '" + key + "' in template '" + name + "'"
            + Suggestions.didYouMean(key, KEYS) + ". Known properties: " + String.join(", ", new TreeSet<>(KEYS)));
      }
    }
    JsonNode kindNode = node.get("kind");
    ResourceKind kind = null;
    if (kindNode == null || !kindNode.isTextual()) {
      problems.add(kindNode == null ? path : SourcePaths.field(path, "kind"), "Template '" + name
          + "' needs a 'kind' such as ec2/cluster@v1.1");
    } else {
      try {
        kind = ResourceKind.parse(kindNode.asText());
      } catch (IllegalArgumentException e) {
        problems.add(SourcePaths.field(path, "kind"), e.getMessage());
      }
    }
    String parametersPath = node.has("parameters") ? SourcePaths.field(path, "parameters") : path;
    Map<String, TemplateParameter> parameters = parameters(name, node.get("parameters"), parametersPath);
    JsonNode spec = node.get("spec");
    if (spec == null || !spec.isObject()) {
      problems.add(spec == null ? path : SourcePaths.field(path, "spec"), "Template '" + name
          + "' needs a 'spec' mapping: the spec of its kind, whose strings may refer to parameters as ${name}");
      return null;
    }
    JsonNode metadata = node.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      problems.add(SourcePaths.field(path, "metadata"), "Template metadata must be a mapping");
      metadata = null;
    }
    if (metadata != null && metadata.isNull()) {
      metadata = null;
    }
    var uses = new References(name, parameters, parametersPath);
    uses.check(spec, SourcePaths.field(path, "spec"));
    if (metadata != null) {
      uses.check(metadata, SourcePaths.field(path, "metadata"));
    }
    return new Template(name, path, kind, kindNode == null ? "" : kindNode.asText(), parameters, parametersPath, spec,
        metadata, uses.account);
  }

  private Map<String, TemplateParameter> parameters(String template, JsonNode node, String path) {
    Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return parameters;
    }
    if (!node.isObject()) {
      problems.add(path, "'parameters' of template '" + template + "' must be a mapping from names to types, such as"
          + " 'parameters: {size: int, stack: {type: string, default: main}}'");
      return parameters;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String name = e.getKey();
      String at = SourcePaths.field(path, name);
      if (!PARAMETER.matcher(name).matches() || name.equals("environment") || name.equals(Placeholders.APPLICATION)) {
        problems.add(at, "Invalid parameter name '" + name + "': use letters, digits, '_' and '-', starting with a"
            + " letter; 'environment' and 'application' are built in");
        continue;
      }
      TemplateParameter p = parameter(name, e.getValue(), at);
      if (p != null) {
        parameters.put(name, p);
      }
    }
    return parameters;
  }

  private TemplateParameter parameter(String name, JsonNode node, String path) {
    JsonNode typeNode = node;
    JsonNode defaultValue = null;
    String typePath = path;
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!PARAMETER_KEYS.contains(key)) {
          problems.add(SourcePaths.field(path, key), "Unknown property '" + key + "' of parameter '" + name + "'"
              + Suggestions.didYouMean(key, PARAMETER_KEYS) + ". Known properties: default, description, type");
        }
      }
      typeNode = node.get("type");
      typePath = SourcePaths.field(path, "type");
      defaultValue = node.get("default");
      if (node.has("default") && defaultValue == null) {
        defaultValue = com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
    }
    if (typeNode == null || !typeNode.isTextual()) {
      problems.add(typeNode == null ? path : typePath, "Parameter '" + name + "' needs a type, one of "
          + String.join(", ", ParameterType.names()) + " (written 'name: TYPE' or 'name: {type: TYPE, default: V}')");
      return null;
    }
    var type = ParameterType.named(typeNode.asText());
    if (type.isEmpty()) {
      problems.add(typePath, "Unknown parameter type '" + typeNode.asText() + "'"
          + Suggestions.didYouMean(typeNode.asText(), ParameterType.names()) + ". Types: "
          + String.join(", ", ParameterType.names()));
      return null;
    }
    if (defaultValue != null && !type.get().accepts(defaultValue)) {
      problems.add(SourcePaths.field(path, "default"), "The default of parameter '" + name + "' is "
          + ParameterType.describe(defaultValue) + ", not " + article(type.get()) + "; give a default of its type");
      return new TemplateParameter(name, type.get(), null, path);
    }
    return new TemplateParameter(name, type.get(), defaultValue, path);
  }

  static String article(ParameterType type) {
    return (type == ParameterType.INT ? "an " : "a ") + type;
  }

  /** Checks the references of a template's strings, keys included. */
  private final class References {
    private final String template;
    private final Map<String, TemplateParameter> parameters;
    private final String parametersPath;
    boolean account;

    References(String template, Map<String, TemplateParameter> parameters, String parametersPath) {
      this.template = template;
      this.parameters = parameters;
      this.parametersPath = parametersPath;
    }

    void check(JsonNode node, String path) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var e = it.next();
          String child = SourcePaths.field(path, e.getKey());
          if (Placeholders.mayHave(e.getKey())) {
            string(e.getKey(), child, true);
          }
          check(e.getValue(), child);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), SourcePaths.index(path, i));
        }
      } else if (node.isTextual() && Placeholders.mayHave(node.asText())) {
        string(node.asText(), path, false);
      }
    }

    private void string(String s, String path, boolean key) {
      List<Placeholders.Part> parts;
      try {
        parts = Placeholders.parse(s);
      } catch (IllegalArgumentException e) {
        problems.add(path, "In template '" + template + "': " + e.getMessage());
        return;
      }
      boolean whole = Placeholders.whole(parts) != null;
      for (Placeholders.Part part : parts) {
        if (!(part instanceof Placeholders.Ref ref)) {
          continue;
        }
        if (ref.name().equals(Placeholders.ENVIRONMENT_ACCOUNT)) {
          account = true;
        }
        if (Placeholders.BUILT_IN.contains(ref.name())) {
          continue;
        }
        TemplateParameter p = parameters.get(ref.name());
        if (p == null) {
          List<String> known = new ArrayList<>(parameters.keySet());
          known.addAll(Placeholders.BUILT_IN);
          problems.add(path, "Template '" + template + "' refers to '${" + ref.name() + "}', which is not one of its"
              + " parameters" + Suggestions.didYouMean(ref.name(), known) + "; declare it under 'parameters' ("
              + problems.locate(parametersPath) + ") or use one of: " + String.join(", ", known));
        } else if (!p.type().scalar() && (key || !whole)) {
          problems.add(path, "Parameter '" + ref.name() + "' of template '" + template + "' is " + article(p.type())
              + " (declared at " + problems.locate(p.path()) + "), which cannot be part of " + (key ? "a key" : "a string")
              + "; write '${" + ref.name() + "}' alone as the whole value");
        }
      }
    }
  }
}
