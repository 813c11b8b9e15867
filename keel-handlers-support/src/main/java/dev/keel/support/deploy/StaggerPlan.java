package dev.keel.support.deploy;

import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.deploy.StaggeredRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders the regions of a deploy by a strategy's stagger: staggered regions that need a deploy go one after
 * another in the declared order, each with its hours and pause; the other regions then go in parallel after
 * the last staggered one. Without a stagger every region starts at once.
 */
public final class StaggerPlan {

  private StaggerPlan() {}

  /**
   * The waves of a deploy.
   *
   * @param regionsToDeploy the regions that need a new server group
   * @param strategy the declared strategy
   * @return one wave per region, in submission order
   */
  public static List<DeployWave> waves(Set<String> regionsToDeploy, DeployStrategy strategy) {
    List<DeployWave> waves = new ArrayList<>();
    Set<String> rest = new TreeSet<>(regionsToDeploy);
    String previous = null;
    for (StaggeredRegion s : strategy.stagger()) {
      if (!rest.remove(s.region())) {
        continue;
      }
      waves.add(new DeployWave(s.region(), previous, s.window(), s.pauseTime()));
      previous = s.region();
    }
    for (String region : rest) {
      waves.add(new DeployWave(region, previous, null, null));
    }
    return List.copyOf(waves);
  }
}
