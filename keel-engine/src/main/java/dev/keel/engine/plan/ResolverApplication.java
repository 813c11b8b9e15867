package dev.keel.engine.plan;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ResourceDiff;
import java.util.List;

/**
 * One resolver's effect on a spec.
 *
 * @param resolver the resolver's name
 * @param diff what it changed in the spec, as a diff of its output against its input; its renderings
 *     ({@link ResourceDiff#toDeltaJson()}, {@link ResourceDiff#render()}) mask {@code @Sensitive} values
 */
public record ResolverApplication(String resolver, ResourceDiff<?> diff) {

  /**
   * What the resolver changed in the spec. The values are the model's own: render them through
   * {@link #diff()}, which masks secrets.
   *
   * @return the changes; empty if it left the spec alone
   */
  public List<Change> changes() {
    return diff.changes();
  }

  /** Names the resolver and the changed paths, never their values, which may be secrets. */
  @Override
  public String toString() {
    return "ResolverApplication[" + resolver + " changed " + diff.changes() + "]";
  }
}
