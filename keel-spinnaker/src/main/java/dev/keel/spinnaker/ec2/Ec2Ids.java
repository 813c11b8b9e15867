package dev.keel.spinnaker.ec2;

import java.util.List;

/**
 * The ids Orca's stages need where the port's operations hold names; Clouddriver's catalog answers them
 * ({@link HttpEc2Cloud}).
 */
public interface Ec2Ids {

  /**
   * A VPC's id.
   *
   * @param account the account
   * @param region the region
   * @param vpcName the VPC's name
   * @return the id
   * @throws dev.keel.ec2.api.Ec2ReadException if there is no such VPC
   */
  String vpcId(String account, String region, String vpcName);

  /**
   * A security group's id.
   *
   * @param account the account
   * @param region the region
   * @param vpcName the VPC's name
   * @param name the group's name
   * @return the id
   * @throws dev.keel.ec2.api.Ec2ReadException if there is no such group
   */
  String securityGroupId(String account, String region, String vpcName, String name);

  /**
   * A certificate's ARN.
   *
   * @param account the account
   * @param name the certificate's name
   * @return the ARN
   * @throws dev.keel.ec2.api.Ec2ReadException if there is no such certificate
   */
  String certificateArn(String account, String name);

  /**
   * The names Clouddriver gave a server group's scaling policies, matched by content.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the server group
   * @param policies the policies, as the port's models
   * @return their names, in the policies' order
   * @throws dev.keel.ec2.api.Ec2ReadException if a policy is not attached to the group
   */
  List<String> policyNames(String account, String region, String serverGroupName, List<Object> policies);
}
