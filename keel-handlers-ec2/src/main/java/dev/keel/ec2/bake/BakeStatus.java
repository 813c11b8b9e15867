package dev.keel.ec2.bake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Where the bake of one version stands.
 *
 * @param state baked, baking or failed
 * @param appVersion the application version, {@code <package>-<version>}
 * @param baseImage the current base image it must be baked on, or null when none is known
 * @param amis the AMI id per region that has one on the current base image (any base with
 *     {@code ignoreBaseUpdates})
 * @param baking the regions a running bake task bakes
 * @param missing the regions that still lack an AMI
 * @param attempts how many bake tasks of this version on this base image failed
 * @param task the id of the last bake task, or null
 * @param failure why the last bake task failed, or why no bake can run, or null
 */
public record BakeStatus(State state, String appVersion, @Nullable String baseImage, Map<String, String> amis,
    Set<String> baking, Set<String> missing, int attempts, @Nullable String task, @Nullable String failure) {

  /** The states of a version's bake. */
  public enum State {
    /** An AMI exists in every region of the artifact. */
    BAKED,
    /** Some regions lack an AMI and a bake task runs or is about to be retried. */
    BAKING,
    /** Some regions lack an AMI and no bake will run: attempts exhausted or no base image. */
    FAILED
  }

  /** Checks and copies. */
  public BakeStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(appVersion, "appVersion");
    amis = Map.copyOf(amis);
    baking = Set.copyOf(baking);
    missing = Set.copyOf(missing);
  }

  /**
   * A human summary, as the constraint shows it.
   *
   * @return the message
   */
  public String message() {
    return switch (state) {
      case BAKED -> appVersion + " is baked on " + baseImage + " in " + new TreeSet<>(amis.keySet());
      case BAKING -> "Baking " + appVersion + " on " + baseImage + " in " + new TreeSet<>(missing)
          + (attempts == 0 ? "" : " (after " + attempts + " failed attempt" + (attempts == 1 ? "" : "s")
          + ", last: " + failure + ")");
      case FAILED -> "Could not bake " + appVersion + " in " + new TreeSet<>(missing) + ": " + failure;
    };
  }

  /**
   * The status as constraint attributes: {@code status}, {@code appVersion}, {@code baseImage},
   * {@code attempts}, {@code task}, {@code failure}, and per region {@code region.<name>} with the AMI id,
   * {@code baking}, {@code missing} or {@code failed}.
   *
   * @param regions the artifact's regions
   * @return the attributes
   */
  public Map<String, String> attributes(Set<String> regions) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("status", state.name());
    a.put("appVersion", appVersion);
    if (baseImage != null) {
      a.put("baseImage", baseImage);
    }
    a.put("attempts", Integer.toString(attempts));
    if (task != null) {
      a.put("task", task);
    }
    if (failure != null) {
      a.put("failure", failure);
    }
    for (String region : new TreeSet<>(regions)) {
      String v = amis.get(region);
      if (v == null) {
        v = baking.contains(region) ? "baking" : state == State.FAILED ? "failed" : "missing";
      }
      a.put("region." + region, v);
    }
    return a;
  }
}
