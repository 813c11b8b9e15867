package dev.keel.cloud.api;

/**
 * Where one region of a cluster runs: every cloud's location has at least its account and region.
 */
public interface RegionalLocation {

  /**
   * The account.
   *
   * @return the account
   */
  String account();

  /**
   * The region.
   *
   * @return the region
   */
  String region();
}
