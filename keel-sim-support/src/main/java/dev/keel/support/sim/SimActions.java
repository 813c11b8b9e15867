package dev.keel.support.sim;

import dev.keel.spi.model.Moniker;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline actions both simulated clouds play alike: the faults {@code fail}, {@code failReads} and
 * {@code unhealthy}, and the changes by hand {@code resize}, {@code enable} and {@code disable} of a server
 * group. A cloud's simulator describes and plays them through one instance holding the cloud's words (its
 * operation types, what it launches, what it calls a server group); the actions are described in
 * {@code docs/simulated-clouds.md}.
 */
public final class SimActions {

  /** The message of an injected failure when the action gives none. */
  public static final String DEFAULT_FAILURE = "injected failure";

  private static final Set<String> NAMES = Set.of("fail", "failReads", "unhealthy", "resize", "enable", "disable");

  /** Checks that the account and region an action names are known, as a problem at the arguments. */
  @FunctionalInterface
  public interface Places {

    /**
     * Checks an account and a region.
     *
     * @param arguments the action's arguments, where a problem is reported
     * @param account the account
     * @param region the region
     * @throws IllegalArgumentException if either is not known
     */
    void check(PlainMap arguments, String account, String region);
  }

  private final List<String> operations;
  private final String launched;
  private final String serverGroup;

  /**
   * The shared actions in a cloud's words.
   *
   * @param operations the operation types whose stages {@code fail} can make fail
   * @param launched what the cloud launches, in the plural ({@code instances}, {@code tasks})
   * @param serverGroup what the cloud calls a server group ({@code server group}, {@code job})
   */
  public SimActions(List<String> operations, String launched, String serverGroup) {
    this.operations = List.copyOf(operations);
    this.launched = launched;
    this.serverGroup = serverGroup;
  }

  /**
   * Whether an action is one of the shared ones.
   *
   * @param action the action's name
   * @return whether {@link #apply} plays it
   */
  public static boolean plays(String action) {
    return NAMES.contains(action);
  }

  /**
   * Adds the descriptions of shared actions to a simulator's, in the order given.
   *
   * @param descriptions the simulator's descriptions by action name
   * @param actions the shared actions to describe
   * @throws IllegalArgumentException if an action is not a shared one
   */
  public void describe(Map<String, String> descriptions, String... actions) {
    for (String action : actions) {
      descriptions.put(action, switch (action) {
        case "fail" -> "{operation, message, count=1}: the next stages of an operation type fail; operation is one"
            + " of " + String.join(", ", operations);
        case "failReads" -> "{count=1}: the next reads fail as a 503 would";
        case "unhealthy" -> "{value=true}: " + launched + " launched from now on never become healthy (false: they"
            + " do again)";
        case "resize" -> "{account, region, serverGroup, desired}: someone resizes a " + serverGroup + " by hand";
        case "enable", "disable" -> "{account, region, serverGroup}: someone " + action + "s a " + serverGroup
            + " by hand";
        default -> throw new IllegalArgumentException("'" + action + "' is not a shared action");
      });
    }
  }

  /**
   * Plays a shared action on a cloud.
   *
   * @param action the action, one that {@link #plays}
   * @param a the action's arguments
   * @param cloud the cloud
   * @param places checks the account and region a change by hand names
   * @return what the action did
   * @throws IllegalArgumentException if an argument is off, with its path
   */
  public String apply(String action, PlainMap a, SimulatedCloud cloud, Places places) {
    switch (action) {
      case "fail" -> {
        a.onlyKeys("operation", "message", "count");
        String operation = a.string("operation");
        if (!operations.contains(operation)) {
          throw a.problem("operation", "expected one of " + String.join(", ", operations) + ", got '" + operation
              + "'");
        }
        String message = a.string("message", DEFAULT_FAILURE);
        int count = a.integer("count", 1, 1);
        cloud.failNextStages(operation, message, count);
        return "next " + count + " " + operation + " stage(s) fail: " + message;
      }
      case "failReads" -> {
        a.onlyKeys("count");
        int count = a.integer("count", 1, 1);
        cloud.failNextReads(count);
        return "next " + count + " read(s) fail";
      }
      case "unhealthy" -> {
        a.onlyKeys("value");
        boolean never = a.bool("value", true);
        cloud.launchedNeverHealthy(never);
        return never ? launched + " launched from now on never become healthy"
            : launched + " launched from now on become healthy after booting";
      }
      case "resize" -> {
        a.onlyKeys("account", "region", "serverGroup", "desired");
        String sg = serverGroup(cloud, places, a);
        int desired = a.integer("desired");
        if (desired < 0) {
          throw a.problem("desired", "expected a whole number of at least 0, got " + desired);
        }
        cloud.externalResize(a.string("account"), a.string("region"), sg, desired);
        return sg + " in " + a.string("account") + "/" + a.string("region") + " resized by hand to " + desired;
      }
      case "enable", "disable" -> {
        a.onlyKeys("account", "region", "serverGroup");
        String sg = serverGroup(cloud, places, a);
        if (action.equals("enable")) {
          cloud.externalEnable(a.string("account"), a.string("region"), sg);
        } else {
          cloud.externalDisable(a.string("account"), a.string("region"), sg);
        }
        return sg + " in " + a.string("account") + "/" + a.string("region") + " " + action + "d by hand";
      }
      default -> throw new IllegalArgumentException("'" + action + "' is not a shared action");
    }
  }

  /** The server group an action names, checked to exist. */
  private static String serverGroup(SimulatedCloud cloud, Places places, PlainMap a) {
    String account = a.string("account");
    String region = a.string("region");
    String name = a.string("serverGroup");
    places.check(a, account, region);
    Moniker moniker;
    try {
      moniker = Moniker.parse(name);
    } catch (IllegalArgumentException e) {
      throw a.problem("serverGroup", "expected a server group name such as fnord-main-v001, got '" + name + "'");
    }
    List<String> names = cloud.serverGroupNames(account, region, moniker.cluster().toName());
    if (!names.contains(name)) {
      throw a.problem("serverGroup", "expected a server group in " + account + "/" + region
          + (names.isEmpty() ? " (cluster " + moniker.cluster().toName() + " has none)" : " (" + String.join(", ",
              names) + ")") + ", got '" + name + "'");
    }
    return name;
  }
}
