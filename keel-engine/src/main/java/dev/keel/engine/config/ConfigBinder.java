package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Freeze;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.NotificationConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import dev.keel.spi.model.Verification;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Binds a parsed document to the delivery config model. The envelope (config, environments, resource
 * wrappers) is walked by hand so every problem is placed precisely and all of them are found; typed
 * leaves (specs, constraints, artifacts, locations) go through {@link TypedBinder}.
 */
final class ConfigBinder {

  static final String API_VERSION = "delivery.config.spinnaker.netflix.com/v1";

  private static final Set<String> CONFIG_KEYS =
      Set.of("apiVersion", "application", "name", "serviceAccount", "artifacts", "environments");
  private static final Set<String> ENVIRONMENT_KEYS =
      Set.of("name", "resources", "constraints", "verifyWith", "notifications", "locations", "freezes");
  private static final Set<String> RESOURCE_KEYS = Set.of("kind", "metadata", "spec", "apiVersion");
  private static final Set<String> UNSUPPORTED = Set.of("previewEnvironments", "postDeploy", "metadata");

  private final KindRegistry registry;
  private final TypedBinder typed;
  private final ObjectMapper mapper;
  private final SpecProperties specProperties;
  private final Problems problems;

  /** Where each bound element came from, for the validator's messages. */
  final Map<Object, String> pathOf = new IdentityHashMap<>();

  /** Metadata entries to add to the resource at a path: the provenance of resources expanded from templates. */
  Map<String, Map<String, Object>> resourceMetadata = Map.of();

  /** Whether some artifact or environment failed to bind, so references to it must not be reported. */
  boolean incompleteArtifacts;
  boolean incompleteEnvironments;

  ConfigBinder(KindRegistry registry, ObjectMapper mapper, SpecProperties specProperties, Problems problems) {
    this.registry = registry;
    this.mapper = mapper;
    this.typed = new TypedBinder(mapper);
    this.specProperties = specProperties;
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  @Nullable
  DeliveryConfig deliveryConfig(JsonNode root) {
    if (!root.isObject()) {
      problems.add("", "A delivery config must be a mapping with at least 'application'");
      return null;
    }
    checkKeys(root, "", CONFIG_KEYS, "delivery config");
    JsonNode apiVersion = root.get("apiVersion");
    if (apiVersion != null && !API_VERSION.equals(apiVersion.asText())) {
      problems.add("apiVersion", "Unsupported apiVersion '" + apiVersion.asText() + "': expected " + API_VERSION);
    }
    String application = requiredText(root, "", "application", "delivery config");
    String name = optionalText(root, "", "name");
    String serviceAccount = optionalText(root, "", "serviceAccount");
    List<DeliveryArtifact> artifacts = list(root, "", "artifacts", this::artifact);
    incompleteArtifacts = artifacts.size() < size(root, "artifacts");
    List<Environment> environments = list(root, "", "environments",
        (node, path) -> environment(node, path, application, serviceAccount));
    incompleteEnvironments = environments.size() < size(root, "environments");
    if (application == null) {
      return null;
    }
    try {
      return new DeliveryConfig(application, name, serviceAccount, artifacts, environments);
    } catch (IllegalArgumentException e) {
      problems.add("", e.getMessage());
      return null;
    }
  }

  @Nullable
  private DeliveryArtifact artifact(JsonNode node, String path) {
    return typedElement(node, path, "artifact", registry.artifactTypes(), registry::artifact);
  }

  /**
   * Binds a type-discriminated element (artifact, constraint, verification): its {@code type} picks the
   * registered class, which binds the rest of the mapping.
   */
  @Nullable
  private <T> T typedElement(JsonNode node, String path, String what, Set<String> known,
      Function<String, Optional<Class<? extends T>>> classOf) {
    String type = typeOf(node, path, what, known);
    if (type == null) {
      return null;
    }
    Optional<Class<? extends T>> cls = classOf.apply(type);
    if (cls.isEmpty()) {
      problems.add(SourcePaths.field(path, "type"), "Unknown " + what + " type '" + type + "'"
          + Suggestions.didYouMean(type, known)
          + (known.isEmpty() ? ". No " + what + " types are registered; load the plugin that provides it."
              : ". Known types: " + String.join(", ", known)));
      return null;
    }
    T value = typed.bind(withoutType(node), cls.get(), path, type + " " + what, problems);
    if (value != null) {
      pathOf.put(value, path);
    }
    return value;
  }

  @Nullable
  private Environment environment(JsonNode node, String path, @Nullable String application,
      @Nullable String serviceAccount) {
    if (!node.isObject()) {
      problems.add(path, "An environment must be a mapping with at least a 'name'");
      return null;
    }
    checkKeys(node, path, ENVIRONMENT_KEYS, "environment");
    String name = requiredText(node, path, "name", "environment");
    Locations locations = null;
    JsonNode locationsNode = node.get("locations");
    if (locationsNode != null && !locationsNode.isNull()) {
      locations = typed.bind(locationsNode, Locations.class, SourcePaths.field(path, "locations"),
          "environment locations", problems);
    }
    JsonNode envLocations = locations == null ? null : locationsNode;
    List<Resource<?>> resources = list(node, path, "resources",
        (n, p) -> resource(n, p, application, serviceAccount, name, envLocations, SourcePaths.field(path, "locations")));
    List<Constraint> constraints = list(node, path, "constraints", this::constraint);
    List<Verification> verifications = list(node, path, "verifyWith", this::verification);
    List<NotificationConfig> notifications = list(node, path, "notifications",
        (n, p) -> typed.bind(n, NotificationConfig.class, p, "notification", problems));
    List<Freeze> freezes = list(node, path, "freezes", (n, p) -> typed.bind(n, Freeze.class, p, "freeze", problems));
    if (name == null) {
      return null;
    }
    try {
      Environment env = new Environment(name, resources, constraints, verifications, notifications, locations, freezes);
      pathOf.put(env, path);
      return env;
    } catch (IllegalArgumentException e) {
      problems.add(path, e.getMessage());
      return null;
    }
  }

  @Nullable
  private Constraint constraint(JsonNode node, String path) {
    return typedElement(node, path, "constraint", registry.constraintTypes(), registry::constraint);
  }

  @Nullable
  private Verification verification(JsonNode node, String path) {
    return typedElement(node, path, "verification", registry.verificationTypes(), registry::verification);
  }

  @Nullable
  private Resource<?> resource(JsonNode node, String path, @Nullable String application,
      @Nullable String serviceAccount, @Nullable String environment, @Nullable JsonNode envLocations,
      String envLocationsPath) {
    if (!node.isObject()) {
      problems.add(path, "A resource must be a mapping with 'kind' and 'spec'");
      return null;
    }
    checkKeys(node, path, RESOURCE_KEYS, "resource");
    ResourceKind kind = kindOf(node, path);
    JsonNode specNode = node.get("spec");
    String specPath = SourcePaths.field(path, "spec");
    if (specNode == null || !specNode.isObject()) {
      problems.add(specNode == null ? path : specPath, "A resource needs a 'spec' mapping");
      return null;
    }
    Map<String, Object> metadata = metadataOf(node, path);
    if (kind == null || metadata == null) {
      return null;
    }
    ResourceSpec spec = spec(kind, specNode, specPath, envLocations, envLocationsPath);
    if (spec == null) {
      return null;
    }
    SupportedKind<?> supported = registry.kind(kind).orElseThrow();
    MigratedSpec migrated = migrate(kind, spec, specPath);
    if (migrated == null) {
      return null;
    }
    var meta = new LinkedHashMap<String, Object>(metadata);
    if (application != null) {
      meta.putIfAbsent(Resource.APPLICATION, application);
    }
    if (serviceAccount != null) {
      meta.putIfAbsent(Resource.SERVICE_ACCOUNT, serviceAccount);
    }
    meta.putAll(resourceMetadata.getOrDefault(path, Map.of()));
    if (environment != null) {
      meta.put(Resource.ENVIRONMENT, environment);
    }
    try {
      Resource<?> resource = new Resource<>(migrated.kind(), meta, migrated.spec());
      pathOf.put(resource, path);
      return resource;
    } catch (RuntimeException e) {
      problems.add(specPath, "Invalid " + supported.kind() + " spec: " + e.getMessage());
      return null;
    }
  }

  /** Binds a spec of a registered kind, filling the environment's locations into a locatable spec. */
  @Nullable
  ResourceSpec spec(ResourceKind kind, JsonNode specNode, String specPath, @Nullable JsonNode envLocations,
      String envLocationsPath) {
    Optional<SupportedKind<?>> supported = registry.kind(kind);
    if (supported.isEmpty()) {
      problems.add(SourcePaths.parent(specPath) == null ? specPath : SourcePaths.field(SourcePaths.parent(specPath), "kind"),
          unknownKindMessage(kind));
      return null;
    }
    Class<? extends ResourceSpec> specClass = supported.get().specClass();
    JsonNode toBind = specNode;
    JsonNode own = specNode.get("locations");
    if (envLocations != null && Locatable.class.isAssignableFrom(specClass) && (own == null || own.isNull())) {
      ObjectNode copy = ((ObjectNode) specNode).deepCopy();
      copy.set("locations", envLocations);
      problems.tree().alias(SourcePaths.field(specPath, "locations"), envLocationsPath);
      toBind = copy;
    }
    String what = "the spec of kind " + kind;
    int before = problems.size();
    ResourceSpec spec = typed.bind(toBind, specClass, specPath, what, problems);
    if (spec == null && problems.size() > before) {
      suggestKind(kind, toBind, specPath);
    }
    if (spec instanceof Locatable l && l.locations() == null) {
      problems.add(specPath, "A " + kind + " resource needs 'locations' (account and regions): declare them"
          + " in the spec or on its environment");
      return null;
    }
    return spec;
  }

  /** When a spec's properties fit another kind better, say so: the usual cause is a wrong kind. */
  private void suggestKind(ResourceKind kind, JsonNode specNode, String specPath) {
    Set<String> given = new java.util.TreeSet<>();
    specNode.fieldNames().forEachRemaining(given::add);
    Set<String> own = specProperties.of(registry.kind(kind).orElseThrow().specClass());
    if (own.containsAll(given)) {
      return;
    }
    registry.kinds().stream()
        .filter(k -> !k.equals(kind))
        .filter(k -> specProperties.of(registry.kind(k).orElseThrow().specClass()).containsAll(given))
        .findFirst()
        .ifPresent(k -> problems.add(SourcePaths.field(SourcePaths.parent(specPath), "kind"),
            "The spec does not fit kind " + kind + " but fits " + k + ": is the kind wrong?"));
  }

  record MigratedSpec(ResourceKind kind, ResourceSpec spec) {}

  /** Applies migrators until the kind has none, so handlers see only their current kind. */
  @Nullable
  @SuppressWarnings({"unchecked", "rawtypes"})
  MigratedSpec migrate(ResourceKind kind, ResourceSpec spec, String specPath) {
    ResourceKind k = kind;
    ResourceSpec s = spec;
    for (Optional<SpecMigrator<?, ?>> m = registry.migratorFrom(k); m.isPresent(); m = registry.migratorFrom(k)) {
      SpecMigrator raw = m.get();
      try {
        s = (ResourceSpec) raw.migrate(s);
      } catch (RuntimeException e) {
        problems.add(specPath, "Could not migrate the spec from " + k + " to " + raw.output().kind() + ": "
            + e.getMessage());
        return null;
      }
      k = raw.output().kind();
    }
    return new MigratedSpec(k, s);
  }

  String unknownKindMessage(ResourceKind kind) {
    List<ResourceKind> sameKind = registry.kinds().stream().filter(k -> k.sameKindAs(kind)).collect(Collectors.toList());
    if (!sameKind.isEmpty()) {
      return "Unsupported version of " + kind.group() + "/" + kind.kind() + ": " + kind + " is not registered; use "
          + sameKind.stream().map(ResourceKind::toString).collect(Collectors.joining(" or "));
    }
    List<String> names = registry.kinds().stream().map(ResourceKind::toString).collect(Collectors.toList());
    return "Unknown resource kind " + kind + Suggestions.didYouMean(kind.toString(), names)
        + (names.isEmpty() ? ". No resource kinds are registered; load the plugin that handles it."
            : ". Known kinds: " + String.join(", ", names));
  }

  @Nullable
  ResourceKind kindOf(JsonNode node, String path) {
    String kindPath = SourcePaths.field(path, "kind");
    JsonNode kindNode = node.get("kind");
    if (kindNode == null || !kindNode.isTextual()) {
      problems.add(kindNode == null ? path : kindPath, "A resource needs a 'kind' such as ec2/cluster@v1.1");
      return null;
    }
    JsonNode apiVersion = node.get("apiVersion");
    try {
      if (apiVersion != null) {
        return kindFromApiVersion(apiVersion.asText(), kindNode.asText());
      }
      return ResourceKind.parse(kindNode.asText());
    } catch (IllegalArgumentException e) {
      problems.add(apiVersion != null ? SourcePaths.field(path, "apiVersion") : kindPath, e.getMessage());
      return null;
    }
  }

  /** Kubernetes style: {@code apiVersion: ec2.spinnaker.netflix.com/v1.1} with {@code kind: cluster}. */
  private static ResourceKind kindFromApiVersion(String apiVersion, String kind) {
    int slash = apiVersion.lastIndexOf('/');
    if (slash <= 0 || !apiVersion.startsWith("v", slash + 1)) {
      throw new IllegalArgumentException("Invalid apiVersion '" + apiVersion
          + "': expected GROUP/vVERSION such as ec2.spinnaker.netflix.com/v1.1");
    }
    String group = apiVersion.substring(0, slash);
    int dot = group.indexOf('.');
    return new ResourceKind(dot < 0 ? group : group.substring(0, dot), kind, apiVersion.substring(slash + 2));
  }

  @Nullable
  @SuppressWarnings("unchecked")
  Map<String, Object> metadataOf(JsonNode node, String path) {
    JsonNode m = node.get("metadata");
    if (m == null || m.isNull()) {
      return Map.of();
    }
    if (!m.isObject()) {
      problems.add(SourcePaths.field(path, "metadata"), "Resource metadata must be a mapping");
      return null;
    }
    return mapper.convertValue(m, Map.class);
  }

  private <T> List<T> list(JsonNode parent, String parentPath, String field, Element<T> element) {
    JsonNode node = parent.get(field);
    String path = SourcePaths.field(parentPath, field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(path, "'" + field + "' must be a list");
      return List.of();
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      T value = element.bind(node.get(i), SourcePaths.index(path, i));
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  private static int size(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node != null && node.isArray() ? node.size() : 0;
  }

  @FunctionalInterface
  private interface Element<T> {
    @Nullable
    T bind(JsonNode node, String path);
  }

  @Nullable
  private String typeOf(JsonNode node, String path, String what, Set<String> known) {
    if (!node.isObject()) {
      problems.add(path, "A " + what + " must be a mapping with a 'type'");
      return null;
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual() || type.asText().isBlank()) {
      problems.add(type == null ? path : SourcePaths.field(path, "type"), "A " + what + " needs a 'type'"
          + (known.isEmpty() ? "" : ", one of: " + String.join(", ", known)));
      return null;
    }
    return type.asText();
  }

  private static JsonNode withoutType(JsonNode node) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    copy.remove("type");
    return copy;
  }

  private void checkKeys(JsonNode node, String path, Set<String> allowed, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (allowed.contains(key)) {
        continue;
      }
      String at = SourcePaths.field(path, key);
      if (UNSUPPORTED.contains(key)) {
        problems.add(at, "'" + key + "' in a " + what + " is part of Keel's format but not supported by this engine yet");
      } else {
        problems.add(at, "Unknown property '" + key + "' in a " + what + Suggestions.didYouMean(key, allowed)
            + ". Known properties: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  @Nullable
  private String requiredText(JsonNode node, String path, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      problems.add(v == null ? path : SourcePaths.field(path, field), "A " + what + " needs '" + field + "'");
      return null;
    }
    if (!v.isValueNode() || v.isBoolean()) {
      problems.add(SourcePaths.field(path, field), "'" + field + "' must be a string");
      return null;
    }
    return v.asText();
  }

  @Nullable
  private String optionalText(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      problems.add(SourcePaths.field(path, field), "'" + field + "' must be a string");
      return null;
    }
    return v.asText();
  }

  /** The JSON property names a spec class accepts, computed once per class. */
  static final class SpecProperties {
    private final ObjectMapper mapper;
    private final Map<Class<?>, Set<String>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    SpecProperties(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    Set<String> of(Class<?> type) {
      return cache.computeIfAbsent(type, (Function<Class<?>, Set<String>>) t -> {
        var config = mapper.getDeserializationConfig();
        return config.introspect(mapper.constructType(t)).findProperties().stream()
            .filter(p -> p.hasConstructorParameter() || p.hasSetter() || p.hasField())
            .map(p -> p.getName())
            .collect(Collectors.toUnmodifiableSet());
      });
    }
  }
}
