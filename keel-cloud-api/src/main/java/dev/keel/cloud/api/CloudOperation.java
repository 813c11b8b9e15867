package dev.keel.cloud.api;

import dev.keel.spi.actuation.Operation;

/** An operation a cloud runs as one stage of a task, in one account and region. */
public interface CloudOperation extends Operation {

  /**
   * The account it acts in.
   *
   * @return the account
   */
  String account();

  /**
   * The region it acts in.
   *
   * @return the region
   */
  String region();
}
