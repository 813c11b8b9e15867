package dev.keel.engine.diff;

import dev.keel.spi.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * Computes the {@link ResourceDiff} between a resource's desired and current model: records, POJOs,
 * maps, collections, {@code Optional}s, {@code JsonNode}s and untyped maps, walked along per-class plans
 * compiled once from the {@code ObjectMapper}'s view of the model, so that paths are the JSON the user
 * sees.
 *
 * <p>Build one with {@link #builder()} and share it: a differ is immutable and thread-safe.
 *
 * <pre>{@code
 * Differ differ = Differ.builder().objectMapper(mapper).ignore("/*&#47;launchConfiguration/iamRole").build();
 * ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(desired, current);
 * if (diff.onlyUnder("/*&#47;capacity")) { ... resize ... }
 * }</pre>
 */
public final class Differ {

  private static final Comparator<ChangeRecord> BY_PATH = Differ::comparePaths;

  private final Options options;
  private final PlanCompiler plans;
  private final Canonical canonical;
  private final Renderings renderings;
  private final Map<Class<?>, Shape> rootShapes = new ConcurrentHashMap<>();

  Differ(Options options) {
    this.options = options;
    this.plans = new PlanCompiler(options);
    this.canonical = new Canonical(plans, options.rules(), new SecretDigest(options.fingerprintSalt()));
    this.renderings = new Renderings(options.mapper(), plans, canonical, options.rules());
    // Fail at build time, not on the first diff, when type options name unknown properties.
    options.keys().keySet().forEach(plans::node);
    options.ignoredProperties().keySet().forEach(plans::node);
  }

  /**
   * Starts configuring a differ.
   *
   * @return a new builder
   */
  public static DifferBuilder builder() {
    return new DifferBuilder();
  }

  /**
   * Diffs desired against current.
   *
   * @param desired the desired model, or null
   * @param current the current model, or null when the resource does not exist
   * @param <T> the model type
   * @return the diff; its changes are sorted by path
   * @throws DuplicateKeyException if a keyed collection has two elements with one key
   * @throws DiffModelException if the model cannot be read or is too deep
   */
  public <T> ResourceDiff<T> diff(@Nullable T desired, @Nullable T current) {
    Walker w = new Walker(plans, options, canonical, true);
    w.walk(desired, current, rootShape(desired, current), options.rules().start(), 0);
    List<ChangeRecord> changes = w.changes();
    if (changes.size() > 1) {
      changes = new ArrayList<>(changes);
      changes.sort(BY_PATH);
      // Duplicate-collapsing sets and masked secrets can name one element twice; report it once.
      for (int i = changes.size() - 1; i > 0; i--) {
        ChangeRecord a = changes.get(i);
        ChangeRecord b = changes.get(i - 1);
        if (a.path().equals(b.path()) && a.op() == b.op()) {
          changes.remove(i);
        }
      }
    }
    return new DefaultResourceDiff<>(desired, current, List.copyOf(changes), renderings, this);
  }

  /**
   * Whether desired and current differ, stopping at the first difference; the same answer as
   * {@code diff(desired, current).hasChanges()}, cheaper when there is drift.
   *
   * @param desired the desired model, or null
   * @param current the current model, or null
   * @return true if there is at least one change
   */
  public boolean differs(@Nullable Object desired, @Nullable Object current) {
    Walker w = new Walker(plans, options, canonical, false);
    return !w.walk(desired, current, rootShape(desired, current), options.rules().start(), 0);
  }

  private Shape rootShape(Object desired, Object current) {
    Object sample = Walker.unwrap(desired != null ? desired : current);
    if (sample == null) {
      return Shape.UNTYPED;
    }
    Class<?> type = sample.getClass();
    Shape s = rootShapes.get(type);
    if (s == null) {
      s = plans.shape(type);
      rootShapes.put(type, s);
    }
    return s;
  }

  /** The value under a top-level key of a model: a map entry or a property. */
  Object child(Object root, String key) {
    Object u = Walker.unwrap(root);
    if (u == null) {
      return null;
    }
    if (u instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (Walker.keyText(e.getKey()).equals(key)) {
          return e.getValue();
        }
      }
      return null;
    }
    TypeNode n = plans.node(u.getClass());
    Property p = n.kind == Kind.BEAN ? n.property(key) : null;
    return p == null ? null : p.get(u);
  }

  private static int comparePaths(ChangeRecord a, ChangeRecord b) {
    List<String> x = a.segments();
    List<String> y = b.segments();
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int cmp = compareSegments(x.get(i), y.get(i));
      if (cmp != 0) {
        return cmp;
      }
    }
    int cmp = Integer.compare(x.size(), y.size());
    return cmp != 0 ? cmp : a.op().compareTo(b.op());
  }

  private static int compareSegments(String a, String b) {
    if (isIndex(a) && isIndex(b)) {
      int cmp = Integer.compare(a.length(), b.length());
      return cmp != 0 ? cmp : a.compareTo(b);
    }
    return a.compareTo(b);
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
