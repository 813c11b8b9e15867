package dev.keel.engine.freeze;

import dev.keel.spi.model.Freeze;
import java.time.Instant;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A freeze that covers some of an application's resources, and where it stands.
 *
 * @param source where it is declared: {@code environment <name>} or {@code operator <scope> [target]}
 * @param window when it is in force
 * @param active whether it is in force now
 * @param endsAt when the current freeze ends, or null when not in force
 * @param nextStart when it next comes into force within a week, or null
 * @param resources the ids of the application's resources it covers
 */
public record FreezeStatus(String source, Freeze window, boolean active, @Nullable Instant endsAt,
    @Nullable Instant nextStart, Set<String> resources) {

  /** Copies the set. */
  public FreezeStatus {
    resources = Set.copyOf(resources);
  }
}
