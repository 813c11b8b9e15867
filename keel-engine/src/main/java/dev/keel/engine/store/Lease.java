package dev.keel.engine.store;

import java.util.Objects;

/**
 * One engine instance's claim on one resource's check, as {@link CheckSchedule#claimDue} handed it out: the
 * claiming instance and the fence the claim got. Every claim of a resource gets a greater fence than the one
 * before, so a write made under an older claim (an instance that stalled past its lease while another took
 * the check over) is told apart and refused with a {@link LeaseLostException}.
 *
 * <p>A lease is <em>held</em> from its claim until its owner reschedules the resource or another claim takes
 * it over; a claim can take it over only once it has expired. Writes made for a claimed check pass the lease
 * and succeed only while it is held; {@link CheckSchedule#beginActuation} also needs it unexpired.
 *
 * @param owner the engine instance that claimed the check
 * @param fence the claim's fence, greater than that of every earlier claim of the same resource
 */
public record Lease(String owner, long fence) {

  /** Checks for nulls. */
  public Lease {
    Objects.requireNonNull(owner, "owner");
  }

  @Override
  public String toString() {
    return owner + "@" + fence;
  }
}
