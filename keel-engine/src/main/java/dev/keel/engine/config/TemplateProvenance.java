package dev.keel.engine.config;

import dev.keel.spi.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Where a resource of a config read by {@link ConfigReader} came from when the config used templates: the
 * template it instantiates, where it was instantiated, the environments it was copied through with
 * {@code like}, and the overrides applied to it. The reader keeps it in the resource's metadata under
 * {@link #METADATA_KEY}, as plain strings, lists and maps, so that it survives any store; read it back with
 * {@link #of(Resource)}. Locations are written {@code SOURCE:LINE:COL}.
 *
 * @param template the template's name, or null for a plain resource copied with {@code like}
 * @param templateAt where the template is declared, or null with no template
 * @param declaredIn the environment whose {@code resources} list the resource
 * @param declaredAt where it is listed there: the instantiation ({@code template: NAME}) or the plain resource
 * @param like the environments it was copied from with {@code like}, nearest first, ending with
 *     {@code declaredIn}; empty if it is listed in its own environment
 * @param arguments the names of the arguments given, sorted (values are left out: they may be secrets)
 * @param overrides the paths inside the spec that overrides set, in the order applied
 */
public record TemplateProvenance(@Nullable String template, @Nullable String templateAt, String declaredIn,
    String declaredAt, List<String> like, List<String> arguments, List<AppliedOverride> overrides) {

  /** The resource metadata key the reader keeps the provenance under. */
  public static final String METADATA_KEY = "keel.dev/template";

  /**
   * One value an override set.
   *
   * @param path its path inside the spec, such as {@code deployWith.resizePreviousToZero}
   * @param at where the override writes it
   */
  public record AppliedOverride(String path, String at) {
    /** Checks for nulls. */
    public AppliedOverride {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Checks for nulls and copies the lists. */
  public TemplateProvenance {
    Objects.requireNonNull(declaredIn, "declaredIn");
    Objects.requireNonNull(declaredAt, "declaredAt");
    like = List.copyOf(like);
    arguments = List.copyOf(arguments);
    overrides = List.copyOf(overrides);
  }

  /**
   * The provenance the reader recorded in a resource's metadata.
   *
   * @param resource a resource
   * @return the provenance; empty for a resource written plainly in its environment, or built in code
   */
  public static Optional<TemplateProvenance> of(Resource<?> resource) {
    return fromMetadata(resource.metadata().get(METADATA_KEY));
  }

  /**
   * The provenance from its metadata value, as {@link #toMetadata()} writes it and a store may give it back.
   *
   * @param value the metadata value, or null
   * @return the provenance; empty if the value is absent or not one
   */
  public static Optional<TemplateProvenance> fromMetadata(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> m) || !(m.get("declaredIn") instanceof String in)
        || !(m.get("declaredAt") instanceof String at)) {
      return Optional.empty();
    }
    List<AppliedOverride> overrides = new ArrayList<>();
    if (m.get("overrides") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> om && om.get("path") instanceof String p && om.get("at") instanceof String a) {
          overrides.add(new AppliedOverride(p, a));
        }
      }
    }
    return Optional.of(new TemplateProvenance(string(m.get("template")), string(m.get("templateAt")), in, at,
        strings(m.get("like")), strings(m.get("arguments")), overrides));
  }

  /**
   * This provenance as a metadata value: a map of strings and lists.
   *
   * @return the value
   */
  public Map<String, Object> toMetadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (template != null) {
      m.put("template", template);
      m.put("templateAt", templateAt);
    }
    m.put("declaredIn", declaredIn);
    m.put("declaredAt", declaredAt);
    m.put("like", like);
    m.put("arguments", arguments);
    List<Object> o = new ArrayList<>();
    overrides.forEach(a -> o.add(Map.of("path", a.path(), "at", a.at())));
    m.put("overrides", o);
    return m;
  }

  /**
   * One line for a plan: {@code template main-cluster (delivery.yml:12:3), instantiated in test
   * (delivery.yml:40:5), copied by like staging <- test; overrides deployWith.strategy (delivery.yml:58:11)}.
   *
   * @return the line
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (template != null) {
      sb.append("template ").append(template).append(" (").append(templateAt).append("), instantiated in ");
    } else {
      sb.append("plain resource of ");
    }
    sb.append(declaredIn).append(" (").append(declaredAt).append(')');
    if (!like.isEmpty()) {
      sb.append(", copied by like ").append(String.join(" <- ", like));
    }
    if (!arguments.isEmpty()) {
      sb.append("; arguments ").append(String.join(", ", arguments));
    }
    if (!overrides.isEmpty()) {
      List<String> o = new ArrayList<>();
      overrides.forEach(a -> o.add(a.path() + " (" + a.at() + ")"));
      sb.append("; overrides ").append(String.join(", ", o));
    }
    return sb.toString();
  }

  @Nullable
  private static String string(@Nullable Object o) {
    return o instanceof String s ? s : null;
  }

  private static List<String> strings(@Nullable Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      list.forEach(e -> out.add(String.valueOf(e)));
    }
    return out;
  }
}
