package dev.keel.engine.internal.check;

import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The lease one claimed check runs under: every write the check makes passes it, and the loop that claimed the
 * check renews it while the check runs. When a renewal fails the loop marks it lost, and the check stops at its
 * next step (the next extension call, or the gate before acting) without acting.
 */
public final class CheckLease {

  private final String resourceId;
  private final Lease lease;
  @Nullable private volatile String lostBecause;

  /**
   * The lease of a claim.
   *
   * @param resourceId the claimed resource
   * @param lease the claim's lease
   */
  public CheckLease(String resourceId, Lease lease) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /**
   * The claimed resource.
   *
   * @return its id
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The store's lease, to pass with writes.
   *
   * @return the lease
   */
  public Lease lease() {
    return lease;
  }

  /**
   * Marks the lease lost: the check stops at its next step.
   *
   * @param why what happened, for the event and the log
   */
  public void lost(String why) {
    if (lostBecause == null) {
      lostBecause = why;
    }
  }

  /**
   * Whether the lease was marked lost.
   *
   * @return true once {@link #lost} was called
   */
  public boolean isLost() {
    return lostBecause != null;
  }

  /**
   * Fails if the lease was marked lost.
   *
   * @throws LeaseLostException naming why
   */
  void requireHeld() {
    String why = lostBecause;
    if (why != null) {
      throw new LeaseLostException(resourceId, lease, why);
    }
  }

  @Override
  public String toString() {
    return resourceId + " under " + lease + (lostBecause == null ? "" : " (lost: " + lostBecause + ")");
  }
}
