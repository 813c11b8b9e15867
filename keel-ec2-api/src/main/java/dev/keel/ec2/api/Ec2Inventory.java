package dev.keel.ec2.api;

import java.util.List;

/**
 * What an EC2 lists beside the lookups of {@link Ec2Cloud}: every account, VPC, image and certificate, and the
 * names of the security groups and load balancers of a region, as Clouddriver's list endpoints serve them
 * ({@code /networks/aws}, {@code /applications/{app}/loadBalancers}, {@code /certificates/aws}, images by id).
 * Optional: a cloud implements it when it can enumerate (the simulated EC2 does), so that a fake Spinnaker can
 * serve those endpoints from it; the EC2 plugin never needs it. Reads see what {@link Ec2Cloud}'s reads see
 * (after any read lag) and never fail.
 */
public interface Ec2Inventory {

  /**
   * Every account.
   *
   * @return the accounts, in a stable order
   */
  List<Catalog.Account> accounts();

  /**
   * Every VPC of every account.
   *
   * @return the networks, in a stable order
   */
  List<Catalog.Network> networks();

  /**
   * Every image.
   *
   * @return the images, oldest first
   */
  List<Catalog.Image> images();

  /**
   * The certificates of an account.
   *
   * @param account the account
   * @return the certificates, in a stable order
   */
  List<Catalog.Certificate> certificates(String account);

  /**
   * The names of the security groups of a region.
   *
   * @param account the account
   * @param region the region
   * @return the names, sorted
   */
  List<String> securityGroupNames(String account, String region);

  /**
   * The names of the load balancers (classic and application) of a region.
   *
   * @param account the account
   * @param region the region
   * @return the names, sorted
   */
  List<String> loadBalancerNames(String account, String region);
}
