package dev.keel.spi.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A resource as the engine manages it: a kind, metadata and a spec.
 *
 * <p>Its id is {@code group:kind:specId}, for example {@code ec2:cluster:test:fnord-main}; the kind's
 * version is not part of it, so migrating a resource to a newer kind keeps its id. Equality uses only
 * the kind and the spec: metadata (which the store annotates) does not make two resources different.
 *
 * @param kind the resource kind
 * @param metadata free-form metadata; the engine sets {@link #APPLICATION}, {@link #SERVICE_ACCOUNT} and
 *     {@link #ENVIRONMENT}
 * @param spec the spec
 * @param <S> the spec type
 */
public record Resource<S extends ResourceSpec>(ResourceKind kind, Map<String, Object> metadata, S spec) {

  /** Metadata key of the application. */
  public static final String APPLICATION = "application";
  /** Metadata key of the delivery config's service account. */
  public static final String SERVICE_ACCOUNT = "serviceAccount";
  /** Metadata key of the environment name. */
  public static final String ENVIRONMENT = "environment";

  /** Copies the metadata and checks that the spec has an id. */
  public Resource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(spec, "spec");
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    String specId = spec.id();
    if (specId == null || specId.isBlank()) {
      throw new IllegalArgumentException("The spec of a " + kind + " resource has no id");
    }
  }

  /**
   * A resource with no metadata.
   *
   * @param kind the kind
   * @param spec the spec
   */
  public Resource(ResourceKind kind, S spec) {
    this(kind, Map.of(), spec);
  }

  /**
   * The id of a resource of this kind and spec.
   *
   * @param kind the kind
   * @param spec the spec
   * @return {@code group:kind:specId}
   */
  public static String idOf(ResourceKind kind, ResourceSpec spec) {
    return kind.group() + ":" + kind.kind() + ":" + spec.id();
  }

  /**
   * The resource id, {@code group:kind:specId}.
   *
   * @return the id
   */
  public String id() {
    return idOf(kind, spec);
  }

  /**
   * The application, from the spec.
   *
   * @return the application
   */
  public String application() {
    return spec.application();
  }

  /**
   * A metadata value as a string.
   *
   * @param key the key
   * @return the value, or null if absent
   */
  @Nullable
  public String metadataString(String key) {
    Object v = metadata.get(key);
    return v == null ? null : v.toString();
  }

  /**
   * A copy with another spec of the same type, keeping kind and metadata.
   *
   * @param newSpec the spec
   * @return the copy
   */
  public Resource<S> withSpec(S newSpec) {
    return new Resource<>(kind, metadata, newSpec);
  }

  /**
   * A copy with one metadata entry added or replaced.
   *
   * @param key the key
   * @param value the value
   * @return the copy
   */
  public Resource<S> withMetadata(String key, Object value) {
    var m = new LinkedHashMap<>(metadata);
    m.put(key, value);
    return new Resource<>(kind, m, spec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resource<?> r && kind.equals(r.kind) && spec.equals(r.spec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, spec);
  }

  @Override
  public String toString() {
    return "Resource[" + id() + " " + kind + "]";
  }
}
