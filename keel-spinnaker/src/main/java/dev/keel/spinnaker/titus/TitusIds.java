package dev.keel.spinnaker.titus;

import java.util.List;

/** The ids and settings Titus stages need where the port's operations hold names; Clouddriver answers them. */
public interface TitusIds {

  /**
   * The ids of security groups in a Titus account's backing AWS account.
   *
   * @param account the Titus account
   * @param region the region
   * @param names the groups' names
   * @return their ids, in order
   * @throws dev.keel.titus.api.TitusReadException if a group is unknown
   */
  List<String> securityGroupIds(String account, String region, List<String> names);

  /**
   * The Docker registry of a Titus account.
   *
   * @param account the Titus account
   * @return the registry
   * @throws dev.keel.titus.api.TitusReadException if the account is unknown
   */
  String registry(String account);

  /**
   * A server group's job id.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the server group
   * @return the job id
   * @throws dev.keel.titus.api.TitusReadException if there is no such server group
   */
  String jobId(String account, String region, String serverGroupName);
}
