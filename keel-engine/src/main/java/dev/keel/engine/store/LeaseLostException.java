package dev.keel.engine.store;

import dev.keel.spi.KeelException;

/**
 * A write made for a claimed check was refused because the claim's {@link Lease} is no longer held: the
 * owner rescheduled the resource already, another instance claimed it after the lease expired (with a greater
 * fence), or the resource is no longer managed. Nothing was written; the check should stop without acting.
 */
public class LeaseLostException extends KeelException {

  private final String resourceId;
  private final Lease lease;

  /**
   * An exception naming the lease that was lost.
   *
   * @param resourceId the resource
   * @param lease the lease the write was made under
   * @param why what happened to it
   */
  public LeaseLostException(String resourceId, Lease lease, String why) {
    super("The lease of " + lease.owner() + " on the check of " + resourceId + " (fence " + lease.fence()
        + ") is lost: " + why + "; nothing was written");
    this.resourceId = resourceId;
    this.lease = lease;
  }

  /**
   * The resource whose check lost its lease.
   *
   * @return the resource id
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The lease the refused write was made under.
   *
   * @return the lease
   */
  public Lease lease() {
    return lease;
  }
}
