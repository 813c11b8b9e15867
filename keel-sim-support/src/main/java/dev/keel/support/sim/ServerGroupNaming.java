package dev.keel.support.sim;

import dev.keel.spi.model.Moniker;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Names server groups of a cluster: {@code <cluster>-vNNN}, where the sequence follows the newest existing
 * group's, wrapping at 1000 ({@code v999} is followed by {@code v000}).
 */
public final class ServerGroupNaming {

  private ServerGroupNaming() {}

  /**
   * The moniker of the next server group of a cluster.
   *
   * @param cluster the cluster's moniker (any sequence is ignored)
   * @param newestExisting the name of the most recently created server group, or null if there is none
   * @return the moniker with the next sequence
   * @throws IllegalArgumentException if the existing name is not a server group of that cluster
   */
  public static Moniker next(Moniker cluster, String newestExisting) {
    Moniker base = cluster.cluster();
    if (newestExisting == null) {
      return base.withSequence(0);
    }
    Moniker existing = Moniker.parse(newestExisting);
    if (!existing.cluster().equals(base) || existing.sequence() == null) {
      throw new IllegalArgumentException("Server group " + newestExisting + " is not a server group of cluster "
          + base.toName() + ": expected " + base.toName() + "-vNNN");
    }
    return base.withSequence((existing.sequence() + 1) % 1000);
  }

  /**
   * The sequence of a server group name.
   *
   * @param serverGroupName a name such as {@code fnord-main-v003}
   * @return the sequence, or empty if the name has none
   */
  public static Optional<Integer> sequence(String serverGroupName) {
    return Optional.ofNullable(Moniker.parse(serverGroupName).sequence());
  }

  /**
   * The name of the newest of some server groups, by a creation order.
   *
   * @param names server group names
   * @param createdOrder orders names oldest first
   * @return the newest, or empty
   */
  public static Optional<String> newest(Collection<String> names, Comparator<String> createdOrder) {
    Objects.requireNonNull(createdOrder, "createdOrder");
    return names.stream().max(createdOrder);
  }
}
