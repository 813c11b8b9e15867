package dev.keel.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads delivery configs in Keel's format, and single resources in Kubernetes style, from YAML or JSON.
 *
 * <p>Specs bind to the classes the {@link KindRegistry} declares for their kinds; unknown properties are
 * errors. Templates are expanded first ({@code templates}, {@code template: NAME} instantiations, environments
 * declared {@code like} others), so that everything after sees ordinary resources; each expanded resource
 * records its {@link TemplateProvenance}, and {@link #render} prints the plain config. Environment
 * {@code locations} fill in resources that omit theirs; older kind versions are migrated to the newest. The whole config is validated, and every problem is reported at once in a
 * {@link ConfigException}, each with source, line, column and path. Limits bound what a hostile document
 * can cost. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ConfigReader reader = ConfigReader.builder().registry(registry).build();
 * DeliveryConfig config = reader.read(Path.of("delivery-config.yml"));
 * }</pre>
 */
public final class ConfigReader {

  private static final Set<String> K8S_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");

  private final KindRegistry registry;
  private final ReaderLimits limits;
  private final ObjectMapper mapper;
  private final ConfigBinder.SpecProperties specProperties;
  private final SpecSchema specSchema;
  private final JsonFactory yaml;
  private final JsonFactory json;

  private ConfigReader(Builder b) {
    this.registry = b.registry;
    this.limits = b.limits;
    this.mapper = ConfigMapper.create();
    this.specProperties = new ConfigBinder.SpecProperties(mapper);
    this.specSchema = new SpecSchema(mapper);
    this.yaml = ParserFactories.yaml(limits);
    this.json = ParserFactories.json(limits);
  }

  /**
   * A builder with an empty registry (built-in types only) and default limits.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a delivery config from a file; the file name is the source name in problems.
   *
   * @param file a YAML or JSON file
   * @return the config
   * @throws ConfigException listing every problem, or if the file cannot be read
   */
  public DeliveryConfig read(Path file) {
    return read(load(file), file.toString());
  }

  /**
   * Reads a delivery config from a stream, which is not closed.
   *
   * @param in the document, UTF-8
   * @param sourceName the name to give in problems
   * @return the config
   * @throws ConfigException listing every problem
   */
  public DeliveryConfig read(InputStream in, String sourceName) {
    return read(load(in, sourceName), sourceName);
  }

  /**
   * Reads a delivery config from text.
   *
   * @param text the YAML or JSON document
   * @param sourceName the name to give in problems
   * @return the config
   * @throws ConfigException listing every problem
   */
  public DeliveryConfig read(String text, String sourceName) {
    return bound(text, sourceName).config();
  }

  /**
   * The config a file holds in Keel's plain format: templates expanded, environments declared {@code like}
   * others given their resources, and nothing else changed. Any reader of Keel's format, this one included,
   * reads the result as this reader reads the file. The config is read and validated in full first.
   *
   * @param file a YAML or JSON delivery config
   * @return the plain config as a YAML document
   * @throws ConfigException listing every problem
   * @see #render(String, String)
   */
  public String render(Path file) {
    return render(load(file), file.toString());
  }

  /**
   * The config a document holds in Keel's plain format, as YAML: templates expanded, environments declared
   * {@code like} others given their resources, and nothing else changed (a document without templates gives
   * its own values back, comments and formatting aside). Rendering is deterministic, and rendering the result
   * gives it back unchanged.
   *
   * @param text the YAML or JSON document
   * @param sourceName the name to give in problems
   * @return the plain config as a YAML document
   * @throws ConfigException listing every problem, as {@link #read(String, String)} would, or if the plain
   *     config is larger than the document size limit
   */
  public String render(String text, String sourceName) {
    Bound bound = bound(text, sourceName);
    JsonNode root = bound.problems().tree().root();
    String mergeKey = ConfigRendering.unwritableKey(root, "");
    if (mergeKey != null) {
      bound.problems().add(mergeKey, "A key '<<' cannot be rendered as YAML, where it is a merge key however it is"
          + " quoted; rename it");
      bound.problems().throwIfAny();
    }
    String yaml = ConfigRendering.yaml(root);
    if (yaml.length() > limits.maxDocumentChars()) {
      throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, 0, "", "The expanded config is "
          + yaml.length() + " characters long, more than the document size limit of " + limits.maxDocumentChars()
          + "; it could not be read again")));
    }
    return yaml;
  }

  /**
   * Reads a file's text as {@link #read(Path)} does: UTF-8, no longer than the document size limit. Hosts that
   * keep the document as submitted (see {@link dev.keel.engine.store.DeliveryConfigRepository}) read it with this.
   *
   * @param file the file
   * @return its text
   * @throws ConfigException if the file is missing, unreadable or too large
   */
  public String readText(Path file) {
    return load(file);
  }

  /** A read config, and the problems of the plain tree it was bound from (none), which place paths of that tree. */
  private record Bound(DeliveryConfig config, Problems problems) {}

  private Bound bound(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    checkSize(text.length(), sourceName);
    ConfigBinder binder = binderFor(text, sourceName, true);
    Problems problems = binder.problems();
    DeliveryConfig config = binder.deliveryConfig(problems.tree().root());
    if (config != null) {
      new ConfigValidator(problems, binder.pathOf, binder.incompleteArtifacts, binder.incompleteEnvironments)
          .validate(config);
    }
    problems.throwIfAny();
    return new Bound(Objects.requireNonNull(config), problems);
  }

  /**
   * Checks a delivery config built in code by the rules a read config passes: a valid application name,
   * unique environment names, artifact references and resource
   * ids, artifact references and {@code depends-on} environments that exist, no dependency cycles, and
   * kinds this reader's registry knows.
   *
   * @param config the config
   * @param sourceName the name to give in problems, such as {@code delivery config 'fnord-manifest'};
   *     problems carry paths ({@code environments[1].resources[0]}) and no line
   * @throws ConfigException listing every problem
   */
  public void validate(DeliveryConfig config, String sourceName) {
    Objects.requireNonNull(config, "config");
    Map<Object, String> paths = ConfigValidator.pathsOf(config);
    Problems problems = new Problems(sourceName, LocatedTree.none(), new ArrayList<>());
    config.resources().forEach(r -> {
      if (registry.kind(r.kind()).isEmpty()) {
        problems.add(paths.getOrDefault(r, ""), "No handler supports kind " + r.kind() + " of resource " + r.id()
            + "; register the handler or load the plugin that provides it");
      }
    });
    new ConfigValidator(problems, paths, false, false).validate(config);
    problems.throwIfAny();
  }

  /**
   * Reads one resource in Kubernetes style from a file.
   *
   * @param file a YAML or JSON file
   * @return the resource
   * @throws ConfigException listing every problem
   * @see #readResource(String, String)
   */
  public Resource<?> readResource(Path file) {
    return readResource(load(file), file.toString());
  }

  /**
   * Reads one resource in Kubernetes style: {@code kind: ec2/cluster@v1.1} (or {@code apiVersion:
   * ec2.spinnaker.netflix.com/v1.1} with {@code kind: cluster}), optional {@code metadata} (such as
   * {@code serviceAccount}) and {@code spec}. The spec is bound and migrated as in a delivery config; a
   * locatable spec must carry its own locations.
   *
   * @param text the document
   * @param sourceName the name to give in problems
   * @return the resource
   * @throws ConfigException listing every problem
   */
  public Resource<?> readResource(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    checkSize(text.length(), sourceName);
    ConfigBinder binder = binderFor(text, sourceName, false);
    Problems problems = binder.problems();
    JsonNode root = problems.tree().root();
    if (!root.isObject()) {
      problems.add("", "A resource must be a mapping with 'kind' and 'spec'");
      problems.throwIfAny();
    }
    root.fieldNames().forEachRemaining(k -> {
      if (!K8S_KEYS.contains(k)) {
        problems.add(k, "Unknown property '" + k + "' in a resource" + Suggestions.didYouMean(k, K8S_KEYS)
            + ". Known properties: apiVersion, kind, metadata, spec");
      }
    });
    ResourceKind kind = binder.kindOf(root, "");
    Map<String, Object> metadata = binder.metadataOf(root, "");
    JsonNode spec = root.get("spec");
    if (spec == null || !spec.isObject()) {
      problems.add(spec == null ? "" : "spec", "A resource needs a 'spec' mapping");
    }
    ResourceSpec bound = null;
    if (kind != null && spec != null && spec.isObject()) {
      bound = binder.spec(kind, spec, "spec", null, "");
    }
    ConfigBinder.MigratedSpec migrated = bound == null ? null : binder.migrate(kind, bound, "spec");
    problems.throwIfAny();
    var meta = new LinkedHashMap<String, Object>(metadata);
    meta.putIfAbsent(Resource.APPLICATION, migrated.spec().application());
    return new Resource<>(migrated.kind(), meta, migrated.spec());
  }

  /**
   * Reads a YAML or JSON document of another format as plain values, under this reader's limits, keeping
   * where each value came from; for hosts with their own files, such as the CLI's scenarios.
   *
   * @param text the document
   * @param sourceName the name errors should show, such as the file name
   * @return the document
   * @throws ConfigException for a syntax error, a duplicate key, a limit exceeded, or a document whose top
   *     level is not a mapping
   */
  public LocatedDocument readDocument(String text, String sourceName) {
    checkSize(text.length(), sourceName);
    List<ConfigProblem> found = new ArrayList<>();
    LocatedTree tree = LocatedTree.parse(factoryFor(text, sourceName), text, sourceName, limits, found);
    if (!found.isEmpty()) {
      throw new ConfigException(found);
    }
    if (!tree.root().isObject()) {
      throw new ConfigException(List.of(new ConfigProblem(sourceName, 1, 1, "",
          "Expected a mapping at the top of the document")));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = mapper.convertValue(tree.root(), Map.class);
    return new LocatedDocument(sourceName, tree, values);
  }

  /**
   * Parses a document and prepares a binder over it, expanding its templates first if it has any; syntax
   * errors, limits and problems of the templates throw at once.
   */
  private ConfigBinder binderFor(String text, String sourceName, boolean templates) {
    List<ConfigProblem> found = new ArrayList<>();
    LocatedTree tree = LocatedTree.parse(factoryFor(text, sourceName), text, sourceName, limits, found);
    Problems parsed = new Problems(sourceName, tree, found);
    if (!templates || !TemplateExpander.templated(tree.root())) {
      return new ConfigBinder(registry, mapper, specProperties, parsed);
    }
    TemplateExpander.Expansion expansion = TemplateExpander.expand(tree, parsed, registry, specSchema, limits);
    ConfigBinder binder = new ConfigBinder(registry, mapper, specProperties,
        new Problems(sourceName, expansion.tree(), new ArrayList<>()));
    binder.resourceMetadata = expansion.metadata();
    return binder;
  }

  private JsonFactory factoryFor(String text, String sourceName) {
    if (sourceName.endsWith(".json")) {
      return json;
    }
    if (sourceName.endsWith(".yml") || sourceName.endsWith(".yaml")) {
      return yaml;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[' ? json : yaml;
      }
    }
    return yaml;
  }

  private void checkSize(long chars, String sourceName) {
    if (chars > limits.maxDocumentChars()) {
      throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, 0, "",
          "The document is larger than the limit of " + limits.maxDocumentChars() + " characters")));
    }
  }

  private String load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, 0, "", "No such file")));
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, 0, "", "Cannot read: " + e.getMessage())));
    }
  }

  /** Reads at most one character past the limit, so an oversized stream costs bounded memory. */
  private String load(InputStream in, String sourceName) {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        text.append(buffer, 0, n);
        checkSize(text.length(), sourceName);
      }
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, 0, "", "Cannot read: " + e.getMessage())));
    }
    return text.toString();
  }

  /** Configures a {@link ConfigReader}. */
  public static final class Builder {
    private KindRegistry registry = KindRegistry.builder().build();
    private ReaderLimits limits = ReaderLimits.defaults();

    private Builder() {}

    /**
     * The kinds and types configs may use.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(KindRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The limits on documents.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(ReaderLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public ConfigReader build() {
      return new ConfigReader(this);
    }
  }
}
