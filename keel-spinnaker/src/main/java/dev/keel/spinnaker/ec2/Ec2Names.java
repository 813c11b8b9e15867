package dev.keel.spinnaker.ec2;

import javax.annotation.Nullable;

/**
 * The names Clouddriver's payloads leave as ids, which the port's models hold by name; Clouddriver's catalog
 * answers them ({@link HttpEc2Cloud}), a test may answer them itself.
 */
public interface Ec2Names {

  /**
   * A VPC's name.
   *
   * @param vpcId the id
   * @return the name, or the id when unknown
   */
  String vpcName(String vpcId);

  /**
   * A subnet's purpose.
   *
   * @param subnetId the id
   * @return the purpose, or null when unknown
   */
  @Nullable
  String subnetPurpose(String subnetId);

  /**
   * A security group's name.
   *
   * @param account the account
   * @param region the region
   * @param id the group's id
   * @return the name, or the id when unknown
   */
  String securityGroupName(String account, String region, String id);

  /**
   * A certificate's name.
   *
   * @param arn the certificate's ARN
   * @return the name, or the ARN when unknown
   */
  String certificateName(String arn);
}
