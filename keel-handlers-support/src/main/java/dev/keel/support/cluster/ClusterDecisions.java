package dev.keel.support.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster action decision table, per region, in Keel's order:
 *
 * <ol>
 *   <li>nothing changed: no action;
 *   <li>only capacity changed (and a group is active): resize;
 *   <li>only scaling policies changed: modify policies;
 *   <li>only "one enabled server group" changed: disable the oldest enabled group with the wrong version
 *       (else the oldest enabled), unless the newest enabled group is unhealthy: then wait;
 *   <li>an existing group other than the active one matches desired: roll back to it;
 *   <li>only capacity and scaling policies changed: resize, then modify policies;
 *   <li>anything else: deploy a new server group, cloning the active one if there is one.
 * </ol>
 *
 * <p>Diffs are classified by property name ({@link ClusterProperties}), never by value type.
 */
public final class ClusterDecisions {

  private ClusterDecisions() {}

  /**
   * Decides one region.
   *
   * @param facts the region's facts
   * @param properties the model's property names
   * @return the decision
   */
  public static RegionDecision decide(RegionFacts facts, ClusterProperties properties) {
    String region = facts.region();
    Set<String> changed = facts.changed();
    if (changed.isEmpty()) {
      return new RegionDecision.NoChange(region);
    }
    Optional<ServerGroupFacts> active = facts.active();
    if (active.isPresent()) {
      String name = active.get().name();
      if (changed.equals(Set.of(properties.capacity()))) {
        return new RegionDecision.Resize(region, name);
      }
      if (changed.equals(Set.of(properties.scaling()))) {
        return new RegionDecision.ModifyScaling(region, name);
      }
      if (changed.equals(Set.of(properties.onlyEnabled()))) {
        return disableOrWait(facts);
      }
    }
    Optional<ServerGroupFacts> rollback = facts.serverGroups().stream()
        .filter(g -> g.matchesDesired() && (active.isEmpty() || !g.name().equals(active.get().name())))
        .reduce((a, b) -> b);
    if (rollback.isPresent()) {
      return new RegionDecision.Rollback(region, rollback.get().name(), active.map(ServerGroupFacts::name).orElse(null));
    }
    if (active.isPresent() && changed.equals(Set.of(properties.capacity(), properties.scaling()))) {
      return new RegionDecision.ResizeThenModifyScaling(region, active.get().name());
    }
    return new RegionDecision.Deploy(region, active.map(ServerGroupFacts::name).orElse(null));
  }

  private static RegionDecision disableOrWait(RegionFacts facts) {
    List<ServerGroupFacts> enabled = facts.enabled();
    if (enabled.size() < 2) {
      return new RegionDecision.NoChange(facts.region());
    }
    ServerGroupFacts newest = enabled.get(enabled.size() - 1);
    if (!newest.healthy()) {
      return new RegionDecision.Wait(facts.region(), "There is more than one server group enabled but the latest ("
          + newest.name() + ") is not healthy in " + facts.region());
    }
    String version = facts.desiredVersion();
    List<ServerGroupFacts> older = enabled.subList(0, enabled.size() - 1);
    ServerGroupFacts victim = older.stream()
        .filter(g -> version != null && !version.equals(g.version()))
        .findFirst()
        .orElse(older.get(0));
    return new RegionDecision.Disable(facts.region(), victim.name());
  }

  /**
   * Whether a set of decisions lets the handler act at all: a {@link RegionDecision.Wait} in any region holds
   * the whole resource back, as in Keel.
   *
   * @param decisions the decisions of every region
   * @return the first wait, or empty when the handler may act
   */
  public static Optional<RegionDecision.Wait> blocking(List<RegionDecision> decisions) {
    return decisions.stream().filter(RegionDecision.Wait.class::isInstance).map(RegionDecision.Wait.class::cast)
        .findFirst();
  }
}
