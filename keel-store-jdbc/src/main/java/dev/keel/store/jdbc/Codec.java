package dev.keel.store.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.config.ReaderLimits;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.StatusOutline;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.TagVersionStrategy;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns what the store keeps into JSON text and back, with the engine's own codecs: delivery configs and
 * resources in Keel's config format, read back by the engine's {@link ConfigReader} (so a stored config is
 * bound and validated as a submitted one is, against the kinds of the {@link KindRegistry}); specs through
 * {@link ConfigSpecCodec}; stored values and events as their records' JSON, events named by their type.
 * Decoded configs and resources are cached by name with their text, so reading an unchanged one costs no parsing.
 * Thread-safe.
 */
final class Codec {

  private static final TypeReference<LinkedHashMap<String, Object>> PROPERTIES = new TypeReference<>() {};
  private static final ReaderLimits STORED = new ReaderLimits(64_000_000, 256, 16_000_000, 16_000_000, 0);

  private final ConfigReader reader;
  private final ConfigSpecCodec specs = new ConfigSpecCodec();
  private final ObjectMapper configs;
  private final ObjectMapper values;
  private final Map<String, Class<? extends ResourceEvent>> resourceEvents = eventTypes(ResourceEvent.class);
  private final Map<String, Class<? extends ApplicationEvent>> applicationEvents = eventTypes(ApplicationEvent.class);
  private final Cache<DeliveryConfig> configCache = new Cache<>(1_024);
  private final Cache<Resource<?>> resourceCache = new Cache<>(65_536);

  Codec(KindRegistry kinds) {
    this.reader = ConfigReader.builder().registry(kinds).limits(STORED).build();
    SimpleModule names = new SimpleModule("keel-store-config-names");
    names.addSerializer(TagVersionStrategy.class, new JsonSerializer<>() {
      @Override
      public void serialize(TagVersionStrategy value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.friendlyName());
      }
    });
    this.configs = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(names)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    this.values = new ObjectMapper().registerModule(new JavaTimeModule())
        .registerModule(new SimpleModule("keel-store-instants").addDeserializer(Instant.class, new UtcInstants()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  private static <E> Map<String, Class<? extends E>> eventTypes(Class<E> family) {
    Map<String, Class<? extends E>> types = new LinkedHashMap<>();
    for (Class<?> c : family.getPermittedSubclasses()) {
      types.put(c.getSimpleName(), c.asSubclass(family));
    }
    return Map.copyOf(types);
  }

  // ---- delivery configs and resources

  /** A config in Keel's format, as JSON. */
  String config(DeliveryConfig config) {
    ObjectNode root = configs.createObjectNode();
    root.put("application", config.application());
    root.put("name", config.name());
    if (config.serviceAccount() != null) {
      root.put("serviceAccount", config.serviceAccount());
    }
    ArrayNode artifacts = root.putArray("artifacts");
    config.artifacts().forEach(a -> artifacts.add(typed(a.type(), a)));
    ArrayNode environments = root.putArray("environments");
    for (Environment env : config.environments()) {
      ObjectNode e = environments.addObject();
      e.put("name", env.name());
      ArrayNode resources = e.putArray("resources");
      env.resources().forEach(r -> resources.add(resourceNode(r)));
      ArrayNode constraints = e.putArray("constraints");
      env.constraints().forEach(c -> constraints.add(typed(c.type(), c)));
      ArrayNode verifications = e.putArray("verifyWith");
      env.verifyWith().forEach(v -> verifications.add(typed(v.type(), v)));
      e.set("notifications", configs.valueToTree(env.notifications()));
      if (env.locations() != null) {
        e.set("locations", configs.valueToTree(env.locations()));
      }
      e.set("freezes", configs.valueToTree(env.freezes()));
    }
    return write(configs, root);
  }

  /**
   * A config read back, as the config reader binds and validates it.
   *
   * @throws IllegalStateException naming the config and every problem if it no longer reads (for example a kind
   *     whose plugin is not loaded)
   */
  DeliveryConfig config(String name, String json) {
    return configCache.get(name, json, text -> {
      try {
        return reader.read(text, "stored delivery config '" + name + "'");
      } catch (ConfigException e) {
        throw new IllegalStateException("The stored delivery config '" + name + "' cannot be read with the kinds this "
            + "store knows (is the plugin of each kind loaded, and given to the store?): " + e.getMessage(), e);
      }
    });
  }

  /** A resource as a Kubernetes-style document: kind, metadata and spec. */
  String resource(Resource<?> resource) {
    return write(configs, resourceNode(resource));
  }

  /**
   * A resource read back, as the config reader binds it.
   *
   * @throws IllegalStateException naming the resource and every problem if it no longer reads
   */
  Resource<?> resource(String id, String json) {
    return resourceCache.get(id, json, text -> {
      try {
        return reader.readResource(text, "stored resource " + id);
      } catch (ConfigException e) {
        throw new IllegalStateException("The stored resource " + id + " cannot be read with the kinds this store knows "
            + "(is the plugin of its kind loaded, and given to the store?): " + e.getMessage(), e);
      }
    });
  }

  /**
   * The outline of a stored config, read from its text without binding a spec, so with no kind known: each resource
   * node of the config is the text of one stored resource, which gives its id.
   *
   * @param name the config's name
   * @param json the config's text
   * @param resourceBodies the config's stored resources' texts, by resource id
   * @throws IllegalStateException naming the config if its text is not a config this store wrote
   */
  StatusOutline outline(String name, String json, Map<String, String> resourceBodies) {
    try {
      Map<JsonNode, String> ids = new HashMap<>();
      for (Map.Entry<String, String> r : resourceBodies.entrySet()) {
        ids.put(configs.readTree(r.getValue()), r.getKey());
      }
      JsonNode root = configs.readTree(json);
      List<StatusOutline.EnvironmentOutline> environments = new ArrayList<>();
      for (JsonNode env : root.path("environments")) {
        List<StatusOutline.ResourceOutline> resources = new ArrayList<>();
        for (JsonNode r : env.path("resources")) {
          String id = ids.get(r);
          if (id == null) {
            throw new IllegalStateException("The stored delivery config '" + name + "' declares a "
                + r.path("kind").asText() + " resource in " + env.path("name").asText() + " that is not stored");
          }
          resources.add(new StatusOutline.ResourceOutline(id, r.path("kind").asText()));
        }
        environments.add(new StatusOutline.EnvironmentOutline(env.path("name").asText(), resources));
      }
      List<StatusOutline.ArtifactOutline> artifacts = new ArrayList<>();
      for (JsonNode a : root.path("artifacts")) {
        artifacts.add(new StatusOutline.ArtifactOutline(a.path("reference").asText(), a.path("type").asText(),
            a.path("name").asText()));
      }
      return new StatusOutline(name, root.path("application").asText(), environments, artifacts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored delivery config '" + name + "' is not JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private ObjectNode resourceNode(Resource<?> r) {
    ObjectNode node = configs.createObjectNode();
    node.put("kind", r.kind().toString());
    node.set("metadata", configs.valueToTree(r.metadata()));
    node.set("spec", configs.valueToTree(specs.toMap(r.spec())));
    return node;
  }

  /** A type-discriminated element (artifact, constraint, verification): its type, then its properties. */
  private JsonNode typed(String type, Object element) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", type);
    Map<String, Object> properties = configs.convertValue(element, PROPERTIES);
    properties.remove("type");
    node.putAll(properties);
    return configs.valueToTree(node);
  }

  // ---- values and events

  String value(Object value) {
    return write(values, value);
  }

  <T> T value(String json, Class<T> type) {
    try {
      return values.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** The name an event is stored under, unique within its family. */
  static String eventType(KeelEvent event) {
    return event.getClass().getSimpleName();
  }

  /** A stored resource event, or empty if this code does not know its type (a newer release wrote it). */
  Optional<ResourceEvent> resourceEvent(String type, String json) {
    return event(resourceEvents.get(type), json);
  }

  /** A stored application event, or empty if this code does not know its type. */
  Optional<ApplicationEvent> applicationEvent(String type, String json) {
    return event(applicationEvents.get(type), json);
  }

  private <E> Optional<E> event(Class<? extends E> type, String json) {
    return type == null ? Optional.empty() : Optional.of(value(json, type));
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Decoded values by name (a config's, a resource's id), each with the text it was decoded from: a lookup hits when
   * the text is the same, so a changed config or resource is decoded again. One entry per name, so a store checking
   * all its resources in turn (the worst case for an LRU keyed by text) hits on every one up to the capacity; beyond it
   * the least recently used are dropped.
   */
  private static final class Cache<V> {
    private record Entry<V>(String text, V value) {}

    private final Map<String, Entry<V>> entries;

    Cache(int capacity) {
      this.entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
          return size() > capacity;
        }
      };
    }

    V get(String name, String text, Function<String, V> decode) {
      synchronized (entries) {
        Entry<V> e = entries.get(name);
        if (e != null && e.text().equals(text)) {
          return e.value();
        }
      }
      V decoded = decode.apply(text);
      synchronized (entries) {
        entries.put(name, new Entry<>(text, decoded));
      }
      return decoded;
    }
  }
}
