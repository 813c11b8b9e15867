package dev.keel.support.sim;

import dev.keel.cloud.api.ClusterServerGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reads of a simulated cloud see: every change reaches it after the read lag (as Clouddriver's caches
 * follow the cloud), except what existed before the simulation started, which is visible at once.
 *
 * @param <G> the cloud's server group model
 */
final class SimReadModel<G extends ClusterServerGroup<G, ?>> {

  private final SimTimeline timeline;
  private final Map<String, List<SimServerGroup.Snapshot<G>>> clusters = new HashMap<>();
  private Duration readLag = Duration.ZERO;
  private boolean atOnce;

  SimReadModel(SimTimeline timeline) {
    this.timeline = timeline;
  }

  void readLag(Duration lag) {
    this.readLag = lag;
  }

  /** Makes a change visible after the read lag, or at once. */
  void publish(Runnable change) {
    if (readLag.isZero() || atOnce) {
      change.run();
    } else {
      timeline.at(timeline.now().plus(readLag), change);
    }
  }

  /** Makes a cluster's server groups as they are now visible after the read lag. */
  void publish(String key, List<SimServerGroup<G>> groups) {
    List<SimServerGroup.Snapshot<G>> snapshot = groups.stream().map(SimServerGroup::snapshot).toList();
    publish(() -> clusters.put(key, snapshot));
  }

  /** Runs a change whose results reads see at once, whatever the read lag. */
  void atOnce(Runnable change) {
    boolean before = atOnce;
    atOnce = true;
    try {
      change.run();
    } finally {
      atOnce = before;
    }
  }

  /** A cluster's server groups as reads see them. */
  List<SimServerGroup.Snapshot<G>> cluster(String key) {
    return clusters.getOrDefault(key, List.of());
  }
}
