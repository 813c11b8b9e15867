package dev.keel.support.sim;

import dev.keel.spi.model.Moniker;
import dev.keel.support.sim.ServerGroupNaming;
import java.time.Duration;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * Where a server group that was there before the simulation started falls in its cluster: its name (the one
 * given, or the cluster's next) and when it was created (a day ago, or just after the cluster's newest group).
 * The groups of a cluster are added oldest first.
 *
 * @param name the server group's name
 * @param createdAt when it was created
 */
public record SimExisting(String name, Instant createdAt) {

  /**
   * Places a server group after the newest of its cluster.
   *
   * @param cluster the cluster
   * @param name the name given, such as {@code fnord-main-v003}, or null for the cluster's next
   * @param newestName the name of the cluster's newest group, or null if it has none
   * @param newestCreatedAt when the newest group was created, or null if there is none
   * @param now the simulator's time
   * @return the name and creation time
   * @throws IllegalArgumentException if the name has no sequence or does not come after the newest group's
   */
  public static SimExisting after(Moniker cluster, @Nullable String name, @Nullable String newestName,
      @Nullable Instant newestCreatedAt, Instant now) {
    String sgName;
    if (name == null) {
      sgName = ServerGroupNaming.next(cluster, newestName).serverGroupName();
    } else {
      Integer sequence = Moniker.parse(name).sequence();
      if (sequence == null) {
        throw new IllegalArgumentException("expected a server group name such as " + cluster.toName() + "-v001, got '"
            + name + "'");
      }
      Integer last = newestName == null ? null : Moniker.parse(newestName).sequence();
      if (last != null && sequence <= last) {
        throw new IllegalArgumentException("expected a sequence after " + newestName + " (the server groups of a"
            + " cluster are added oldest first), got '" + name + "'");
      }
      sgName = name;
    }
    Instant created = now.minus(Duration.ofDays(1));
    if (newestCreatedAt != null && !created.isAfter(newestCreatedAt)) {
      created = newestCreatedAt.plusSeconds(1);
    }
    return new SimExisting(sgName, created);
  }
}
