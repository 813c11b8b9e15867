package dev.keel.support.sim;

import dev.keel.spi.model.Moniker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Reading and checks both simulated clouds' scenario sections share, with the same keys and messages:
 * settings of durations, regions, clusters, capacities, known accounts and regions, and adding a server group
 * that was there before the simulation started. Problems are reported with the path of the value at fault.
 */
public final class SimSeeding {

  private SimSeeding() {}

  /** A change read from plain values, applied later; {@link #apply()} says what it did. */
  @FunctionalInterface
  public interface Change {

    /**
     * Makes the change.
     *
     * @return what it did
     * @throws IllegalArgumentException if what it depends on in the cloud is off, with the path of the value
     */
    String apply();
  }

  /**
   * One key of a section and how its values become changes.
   *
   * @param key the key
   * @param changes the changes of its entries (of the one map under {@code settings})
   */
  public record Part(String key, Function<List<PlainMap>, List<Change>> changes) {

    /**
     * A key each of whose entries is one change.
     *
     * @param key the key
     * @param change the change of an entry
     * @return the part
     */
    public static Part each(String key, Function<PlainMap, Change> change) {
      return new Part(key, entries -> entries.stream().map(change).toList());
    }
  }

  /**
   * Reads a whole section, then applies it part by part in the order of the parts: {@code settings}, a map, and
   * the others, lists of maps.
   *
   * @param section the section
   * @param parts the section's keys, in the order they apply
   * @throws IllegalArgumentException if a key is unknown or a value is off, with its path
   */
  public static void seed(PlainMap section, Part... parts) {
    section.onlyKeys(Arrays.stream(parts).map(Part::key).toArray(String[]::new));
    List<Change> changes = new ArrayList<>();
    for (Part part : parts) {
      List<PlainMap> entries = part.key().equals("settings")
          ? section.optionalMap(part.key()).map(List::of).orElse(List.of()) : section.maps(part.key());
      changes.addAll(part.changes().apply(entries));
    }
    changes.forEach(Change::apply);
  }

  /**
   * Reads the settings of a simulated cluster cloud, all optional durations: {@code bootTime},
   * {@code stageDuration}, {@code readLag} and one of the cloud's own.
   *
   * @param m the settings
   * @param cloud the cloud
   * @param own the key of the cloud's own setting, such as {@code bakeDuration}
   * @param setOwn sets it
   * @return the change: it sets them and says what it did
   * @throws IllegalArgumentException if a key is unknown or a value no duration
   */
  public static Change settings(PlainMap m, SimulatedClusterCloud<?, ?, ?> cloud, String own,
      Consumer<Duration> setOwn) {
    Map<String, Consumer<Duration>> setters = new LinkedHashMap<>();
    setters.put("bootTime", cloud::bootTime);
    setters.put("stageDuration", cloud::stageDuration);
    setters.put("readLag", cloud::readLag);
    setters.put(own, setOwn);
    return settings(m, setters)::get;
  }

  /**
   * The regions of an account entry, at least one.
   *
   * @param m the account's values
   * @return the regions under {@code regions}
   * @throws IllegalArgumentException if there are none
   */
  public static List<String> accountRegions(PlainMap m) {
    List<String> regions = m.strings("regions");
    if (regions.isEmpty()) {
      throw m.problem("regions", "expected a list of at least one region, got nothing");
    }
    return regions;
  }

  /**
   * Makes a cloud's capacity.
   *
   * @param <C> the cloud's capacity type
   */
  @FunctionalInterface
  public interface CapacityOf<C> {

    /**
     * The capacity.
     *
     * @param min the minimum
     * @param max the maximum
     * @param desired the desired
     * @return the cloud's capacity
     */
    C of(int min, int max, int desired);
  }

  /**
   * Reads settings that are durations, all optional; the change they make sets each given one, in the order
   * of {@code setters}, and says which it set.
   *
   * @param m the settings
   * @param setters what sets each setting, by key, in order
   * @return the change: it sets them and says what it did
   * @throws IllegalArgumentException if a key is unknown or a value no duration
   */
  public static Supplier<String> settings(PlainMap m, Map<String, Consumer<Duration>> setters) {
    m.onlyKeys(setters.keySet().toArray(String[]::new));
    Map<String, Duration> given = new LinkedHashMap<>();
    setters.keySet().forEach(k -> m.optionalDuration(k).ifPresent(d -> given.put(k, d)));
    return () -> {
      List<String> set = new ArrayList<>();
      given.forEach((k, d) -> {
        setters.get(k).accept(d);
        set.add(k + " " + PlainMap.format(d));
      });
      return set.isEmpty() ? "settings unchanged" : "settings: " + String.join(", ", set);
    };
  }

  /**
   * The regions named by {@code region} or {@code regions}, one of them.
   *
   * @param m the values
   * @return at least one region
   * @throws IllegalArgumentException if both or neither are given
   */
  public static List<String> regions(PlainMap m) {
    if (m.has("region") && m.has("regions")) {
      throw m.problem("regions", "expected either region or regions, not both");
    }
    List<String> regions = m.has("region") ? List.of(m.string("region")) : m.strings("regions");
    if (regions.isEmpty()) {
      throw m.problem("region", "expected a region (or a list of regions), got nothing");
    }
    return regions;
  }

  /**
   * The cluster a server group belongs to: given as {@code cluster} or {@code moniker}, else that of its name.
   *
   * @param m the server group's values
   * @param name the server group's name, if given
   * @return the cluster
   * @throws IllegalArgumentException if none is given, both are, or the name is of another cluster
   */
  public static Moniker cluster(PlainMap m, @Nullable String name) {
    Optional<String> clusterName = m.optionalString("cluster");
    Optional<PlainMap> moniker = m.optionalMap("moniker");
    if (clusterName.isPresent() && moniker.isPresent()) {
      throw m.problem("moniker", "expected either cluster or moniker, not both");
    }
    Moniker cluster;
    if (moniker.isPresent()) {
      PlainMap mm = moniker.get().onlyKeys("app", "stack", "detail");
      cluster = new Moniker(mm.string("app"), mm.optionalString("stack").orElse(null),
          mm.optionalString("detail").orElse(null));
    } else if (clusterName.isPresent()) {
      cluster = parse(m, "cluster", clusterName.get()).cluster();
    } else if (name != null) {
      cluster = parse(m, "name", name).cluster();
    } else {
      throw m.problem("cluster", "expected a cluster name such as fnord-main (or a moniker, or a server group name),"
          + " got nothing");
    }
    if (name != null && !parse(m, "name", name).cluster().equals(cluster)) {
      throw m.problem("name", "expected a server group of cluster " + cluster.toName() + ", got '" + name + "'");
    }
    return cluster;
  }

  private static Moniker parse(PlainMap m, String key, String name) {
    try {
      return Moniker.parse(name);
    } catch (IllegalArgumentException e) {
      throw m.problem(key, "expected a name such as fnord-main-v001, got '" + name + "': " + e.getMessage());
    }
  }

  /**
   * A capacity {@code {min, max, desired}}: min defaults to desired or 1, max to the larger of min and
   * desired, desired to min.
   *
   * @param <C> the cloud's capacity type
   * @param c the capacity's values
   * @param capacity makes the cloud's capacity
   * @return the capacity
   * @throws IllegalArgumentException unless 0 &lt;= min &lt;= desired &lt;= max
   */
  public static <C> C capacity(PlainMap c, CapacityOf<C> capacity) {
    c.onlyKeys("min", "max", "desired");
    Optional<Integer> desired = c.optionalInteger("desired");
    int min = c.integer("min", desired.orElse(1));
    int max = c.integer("max", Math.max(min, desired.orElse(min)));
    int d = desired.orElse(min);
    if (min < 0 || min > d || d > max) {
      throw PlainMap.problemAt(c.path(), "expected 0 <= min <= desired <= max, got min " + min + ", desired " + d
          + ", max " + max);
    }
    return capacity.of(min, max, d);
  }

  /**
   * The problem of an account the simulator does not know.
   *
   * @param m the values naming it under {@code account}
   * @param account the account
   * @param known the accounts the simulator knows
   * @return the problem, to throw
   */
  public static IllegalArgumentException unknownAccount(PlainMap m, String account, Collection<String> known) {
    return m.problem("account", "expected a known account (" + String.join(", ", known)
        + "; add others under accounts), got '" + account + "'");
  }

  /**
   * Checks that an account has a region.
   *
   * @param m the values naming the region
   * @param key the key naming it
   * @param account the account
   * @param region the region
   * @param regions the account's regions
   * @throws IllegalArgumentException if it has not
   */
  public static void knownRegion(PlainMap m, String key, String account, String region, Set<String> regions) {
    if (!regions.contains(region)) {
      throw m.problem(key, "expected a region of account " + account + " (" + String.join(", ", regions)
          + "; add others under accounts), got '" + region + "'");
    }
  }

  /**
   * Adds a server group that was there before the simulation started, reporting a name the cloud refuses as
   * a problem at {@code name}.
   *
   * @param m the server group's values
   * @param account its account
   * @param region its region
   * @param enabled whether it is enabled
   * @param add adds it, returning its name
   * @return what was added
   * @throws IllegalArgumentException if the cloud refuses the name
   */
  public static String existingServerGroup(PlainMap m, String account, String region, boolean enabled,
      Supplier<String> add) {
    String created;
    try {
      created = add.get();
    } catch (IllegalArgumentException e) {
      throw m.problem("name", e.getMessage());
    }
    return "server group " + created + " in " + account + "/" + region + (enabled ? "" : " (disabled)");
  }
}
