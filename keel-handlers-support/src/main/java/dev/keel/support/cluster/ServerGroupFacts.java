package dev.keel.support.cluster;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the decision table needs to know of one existing server group of a cluster in a region.
 *
 * @param name the server group's name
 * @param createdAt when it was created
 * @param enabled whether it takes traffic
 * @param version the artifact version it runs, or null if unknown
 * @param healthy whether its instances are all up within its capacity
 * @param matchesDesired whether it already matches the desired state except for capacity and the
 *     suspended processes of a disabled group (so re-enabling it is a rollback)
 */
public record ServerGroupFacts(String name, Instant createdAt, boolean enabled, @Nullable String version,
    boolean healthy, boolean matchesDesired) {

  /** Checks for nulls. */
  public ServerGroupFacts {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
