package dev.keel.spi.diff;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between a resource's desired and current state, computed by the engine's generic
 * differ over the handler's model. Handlers use it to choose the least disruptive action, for example
 * resizing when {@code onlyUnder("/*&#47;capacity")}.
 *
 * <p>Changes are exact (no false drift from collection order, number boxing or ignored fields),
 * minimal (no reported path is a prefix of another) and sorted by path, so every rendering and the
 * {@link #fingerprint()} are deterministic.
 *
 * @param <T> the model type
 */
public interface ResourceDiff<T> {

  /**
   * The desired model.
   *
   * @return desired, or null
   */
  T desired();

  /**
   * The current model.
   *
   * @return current, or null when the resource does not exist
   */
  T current();

  /**
   * Whether desired and current differ.
   *
   * @return true if there is at least one change
   */
  boolean hasChanges();

  /**
   * The changes, sorted by path.
   *
   * @return the changes; empty when in sync
   */
  List<Change> changes();

  /**
   * The first segments of the changed paths: for a {@code Map<region, model>}, the regions that differ.
   *
   * @return the affected top-level property names or map keys
   */
  Set<String> affectedTopLevelProperties();

  /**
   * Whether there are changes and every one of them lies under one of the globs. A glob is a path whose
   * segments may be {@code *} (any one segment) or {@code **} (any number of segments).
   *
   * @param globs such as {@code /*&#47;capacity}
   * @return true if all changes are covered and there is at least one
   */
  boolean onlyUnder(String... globs);

  /**
   * Whether any change lies under one of the globs.
   *
   * @param globs path globs as for {@link #onlyUnder(String...)}
   * @return true if at least one change is covered
   */
  boolean anyUnder(String... globs);

  /**
   * The diff split by top-level key, for models that are maps such as {@code Map<region, model>}:
   * one diff per key that differs, including keys present only in current.
   *
   * @return the diffs by key, sorted by key
   */
  Map<String, ResourceDiff<?>> byTopLevelKey();

  /**
   * Keel's delta shape: each changed path mapped to {@code {state, desired, current}}, where state is
   * ADDED, REMOVED or CHANGED. Sensitive values are masked.
   *
   * @return the delta as plain maps, lists and scalars
   */
  Map<String, Object> toDeltaJson();

  /**
   * An RFC 6902 JSON Patch that turns current into desired, as plain maps; keyed selectors are
   * resolved to list indices in current. Sensitive values are masked.
   *
   * @return the patch operations
   */
  List<Map<String, Object>> toJsonPatch();

  /**
   * A readable rendering, one line per change, with sensitive values masked.
   *
   * @return the text
   */
  String render();

  /**
   * A SHA-256 hex digest over a canonical rendering of the changes, stable across JVMs and hash orders;
   * sensitive values enter it as a salted digest, never in clear, so a drift of a secret changes the
   * fingerprint while the fingerprint reveals nothing about the secret. Two diffs with the same changes have the same fingerprint.
   *
   * @return 64 lowercase hex characters
   */
  String fingerprint();
}
