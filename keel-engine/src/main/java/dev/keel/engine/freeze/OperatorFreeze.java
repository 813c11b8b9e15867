package dev.keel.engine.freeze;

import dev.keel.spi.model.Freeze;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A freeze the host's operator declares, such as a holiday freeze for everything.
 *
 * @param scope what it covers
 * @param target the account or application; null for a global freeze
 * @param window when it is in force
 */
public record OperatorFreeze(FreezeScope scope, @Nullable String target, Freeze window) {

  /** Checks that a scoped freeze names its target. */
  public OperatorFreeze {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(window, "window");
    if ((scope == FreezeScope.GLOBAL) != (target == null)) {
      throw new IllegalArgumentException("A " + scope + " freeze " + (target == null ? "needs" : "takes no") + " target");
    }
  }
}
