package dev.keel.support.sim;

import java.util.List;

/**
 * What the timeline actions both simulated clouds share ({@link SimActions}) do to a cloud: inject faults and
 * make changes by hand to a server group (an EC2 server group, a Titus job). The simulated clouds implement it
 * beside their cloud interface.
 */
public interface SimulatedCloud {

  /**
   * Makes the next stages of an operation type fail.
   *
   * @param operationType the operation type, such as {@code createServerGroup}
   * @param message the failure, as the tasks will report it
   * @param count how many stages fail
   */
  void failNextStages(String operationType, String message, int count);

  /**
   * Makes the next reads fail as a 5xx would.
   *
   * @param count how many reads fail
   */
  void failNextReads(int count);

  /**
   * Makes what is launched from now on (instances, tasks) never become healthy, or healthy again.
   *
   * @param never true to keep them unhealthy
   */
  void launchedNeverHealthy(boolean never);

  /**
   * Someone resizes a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the server group
   * @param desired the new desired capacity
   */
  void externalResize(String account, String region, String serverGroup, int desired);

  /**
   * Someone enables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the server group
   */
  void externalEnable(String account, String region, String serverGroup);

  /**
   * Someone disables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the server group
   */
  void externalDisable(String account, String region, String serverGroup);

  /**
   * The names of a cluster's server groups as they truly are (without read lag or injected read failures).
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the names, oldest first
   */
  List<String> serverGroupNames(String account, String region, String cluster);
}
