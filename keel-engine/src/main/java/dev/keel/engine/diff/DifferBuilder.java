package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Configures a {@link Differ}. Not thread-safe; the differ it builds is immutable and thread-safe.
 *
 * <p>Path globs are RFC 6901 pointers whose segments may be {@code *} (one segment, including a
 * collection element selector such as {@code [metric=CPUUtilization]}) or {@code **} (any number of
 * segments), for example {@code /*&#47;launchConfiguration/iamRole}. They apply inside collection
 * elements too.
 */
public final class DifferBuilder {

  private ObjectMapper mapper;
  private final PathRules.Builder rules = PathRules.builder();
  private final Map<Class<?>, List<String>> ignoredProperties = new LinkedHashMap<>();
  private final Map<Class<?>, List<String>> keys = new LinkedHashMap<>();
  private final List<Options.TypeEntry<ValueComparator>> comparators = new ArrayList<>();
  private final List<Options.TypeEntry<UnaryOperator<Object>>> desiredNormalizers = new ArrayList<>();
  private final List<Options.TypeEntry<UnaryOperator<Object>>> currentNormalizers = new ArrayList<>();
  private boolean nullEqualsEmpty = true;
  private int maxDepth = 256;
  private boolean shortcuts = true;
  private byte[] fingerprintSalt;

  DifferBuilder() {}

  /**
   * The mapper whose view of the model (property names, {@code @JsonIgnore}, {@code @JsonProperty})
   * defines the paths. Defaults to a plain {@link JsonMapper}.
   *
   * @param mapper the mapper the resources are serialised with
   * @return this builder
   */
  public DifferBuilder objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return this;
  }

  /**
   * Ignores the subtrees at these paths, in addition to {@code @DiffIgnore}.
   *
   * @param globs path globs such as {@code /*&#47;name} or {@code /**&#47;buildInfo}
   * @return this builder
   */
  public DifferBuilder ignore(String... globs) {
    for (String g : globs) {
      rules.add(g, new PathRule.Ignore());
    }
    return this;
  }

  /**
   * Ignores properties of a type wherever it occurs, as {@code @DiffIgnore} would on a type you cannot
   * annotate.
   *
   * @param type the declaring type
   * @param jsonNames the JSON property names
   * @return this builder
   */
  public DifferBuilder ignoreProperties(Class<?> type, String... jsonNames) {
    ignoredProperties.computeIfAbsent(type, t -> new ArrayList<>()).addAll(List.of(jsonNames));
    return this;
  }

  /**
   * Sets the semantics of the collections at these paths. For {@link CollectionSemantics#KEYED} use
   * {@link #keyed(String, String...)}.
   *
   * @param semantics how elements are matched
   * @param globs path globs of collections
   * @return this builder
   */
  public DifferBuilder collection(CollectionSemantics semantics, String... globs) {
    if (semantics == CollectionSemantics.KEYED) {
      throw new DiffConfigurationException("KEYED needs key properties: use keyed(glob, keys...)");
    }
    for (String g : globs) {
      rules.add(g, new PathRule.Semantics(semantics, List.of()));
    }
    return this;
  }

  /**
   * Matches the elements of the collection at a path by key properties.
   *
   * @param glob path glob of the collection
   * @param keyProperties JSON names of the element properties forming the key
   * @return this builder
   */
  public DifferBuilder keyed(String glob, String... keyProperties) {
    requireKeys(keyProperties);
    rules.add(glob, new PathRule.Semantics(CollectionSemantics.KEYED, List.of(keyProperties)));
    return this;
  }

  /**
   * Matches elements of this type by key properties in every collection, as {@code @DiffKey} would.
   *
   * @param elementType the element type
   * @param keyProperties JSON names of the properties forming the key
   * @return this builder
   */
  public DifferBuilder keyed(Class<?> elementType, String... keyProperties) {
    requireKeys(keyProperties);
    keys.put(elementType, List.of(keyProperties));
    return this;
  }

  /**
   * Compares values of a type (and its subtypes) with a comparator.
   *
   * @param type the value type
   * @param comparator the equivalence
   * @return this builder
   */
  public DifferBuilder compare(Class<?> type, ValueComparator comparator) {
    comparators.add(new Options.TypeEntry<>(type, Objects.requireNonNull(comparator, "comparator")));
    return this;
  }

  /**
   * Compares the values at these paths with a comparator.
   *
   * @param comparator the equivalence
   * @param globs path globs
   * @return this builder
   */
  public DifferBuilder compare(ValueComparator comparator, String... globs) {
    Objects.requireNonNull(comparator, "comparator");
    for (String g : globs) {
      rules.add(g, new PathRule.Compare(comparator));
    }
    return this;
  }

  /**
   * Compares the strings at these paths ignoring case, such as protocols and host names.
   *
   * @param globs path globs; use {@code /…/set/*} for the elements of a set
   * @return this builder
   */
  public DifferBuilder caseInsensitive(String... globs) {
    return compare(ValueComparator.caseInsensitive(), globs);
  }

  /**
   * Compares only what desired sets in these subtrees: properties and map entries that are absent or
   * null in desired are not compared, because the cloud fills them in. Collections that desired does
   * set are still compared whole, so an element removed from desired is still a change.
   *
   * @param globs path globs of subtrees
   * @return this builder
   */
  public DifferBuilder desiredSubset(String... globs) {
    for (String g : globs) {
      rules.add(g, new PathRule.DesiredSubset());
    }
    return this;
  }

  /**
   * Normalises desired values of a type before they are compared.
   *
   * @param type the value type
   * @param normalizer pure and idempotent
   * @param <T> the value type
   * @return this builder
   */
  public <T> DifferBuilder normalizeDesired(Class<T> type, UnaryOperator<T> normalizer) {
    desiredNormalizers.add(new Options.TypeEntry<>(type, erase(type, normalizer)));
    return this;
  }

  /**
   * Normalises current values of a type before they are compared, for example to strip what the
   * cloud adds.
   *
   * @param type the value type
   * @param normalizer pure and idempotent
   * @param <T> the value type
   * @return this builder
   */
  public <T> DifferBuilder normalizeCurrent(Class<T> type, UnaryOperator<T> normalizer) {
    currentNormalizers.add(new Options.TypeEntry<>(type, erase(type, normalizer)));
    return this;
  }

  /**
   * Normalises both desired and current values of a type.
   *
   * @param type the value type
   * @param normalizer pure and idempotent
   * @param <T> the value type
   * @return this builder
   */
  public <T> DifferBuilder normalize(Class<T> type, UnaryOperator<T> normalizer) {
    UnaryOperator<Object> erased = erase(type, normalizer);
    desiredNormalizers.add(new Options.TypeEntry<>(type, erased));
    currentNormalizers.add(new Options.TypeEntry<>(type, erased));
    return this;
  }

  /**
   * Whether null, an empty collection, an empty map and an empty {@code Optional} are all equivalent.
   * Default true. A map entry whose value is null always counts as absent.
   *
   * @param enabled the setting
   * @return this builder
   */
  public DifferBuilder nullEqualsEmpty(boolean enabled) {
    this.nullEqualsEmpty = enabled;
    return this;
  }

  /**
   * The deepest object graph walked before the diff fails with {@link DiffModelException}; models are
   * trees, so exceeding it means a cycle. Default 256.
   *
   * @param depth at least 1
   * @return this builder
   */
  public DifferBuilder maxDepth(int depth) {
    if (depth < 1) {
      throw new DiffConfigurationException("maxDepth must be at least 1, was " + depth);
    }
    this.maxDepth = depth;
    return this;
  }

  /**
   * The salt of the digest that {@code @Sensitive} values enter {@link dev.keel.spi.diff.ResourceDiff#fingerprint()}
   * with: a drift of a secret changes the fingerprint, yet the fingerprint reveals nothing about the secret.
   * Defaults to a random salt per differ, so fingerprints of diffs with secrets agree only within one differ;
   * hosts that share a store, or keep fingerprints across restarts, set the same salt everywhere and keep it
   * as secret as the values.
   *
   * @param salt at least 16 bytes
   * @return this builder
   */
  public DifferBuilder fingerprintSalt(byte[] salt) {
    Objects.requireNonNull(salt, "salt");
    if (salt.length < 16) {
      throw new DiffConfigurationException("the fingerprint salt needs at least 16 bytes, has " + salt.length);
    }
    this.fingerprintSalt = salt.clone();
    return this;
  }

  /** Switches the reference and {@code equals()} shortcuts off; tests use it to prove they change nothing. */
  DifferBuilder shortcuts(boolean enabled) {
    this.shortcuts = enabled;
    return this;
  }

  /**
   * Builds the differ and validates the type options (key and ignored property names must exist).
   *
   * @return an immutable, thread-safe differ
   */
  public Differ build() {
    Options options = new Options(mapper != null ? mapper : JsonMapper.builder().findAndAddModules().build(),
        rules.build(), Map.copyOf(ignoredProperties), Map.copyOf(keys), List.copyOf(comparators),
        List.copyOf(desiredNormalizers), List.copyOf(currentNormalizers), nullEqualsEmpty, maxDepth, shortcuts,
        fingerprintSalt != null ? fingerprintSalt : SecretDigest.randomSalt());
    return new Differ(options);
  }

  private static void requireKeys(String[] keyProperties) {
    if (keyProperties.length == 0) {
      throw new DiffConfigurationException("a KEYED collection needs at least one key property");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> UnaryOperator<Object> erase(Class<T> type, UnaryOperator<T> normalizer) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(normalizer, "normalizer");
    return v -> normalizer.apply((T) v);
  }
}
