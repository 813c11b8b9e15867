package dev.keel.engine.internal.check;

import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import java.time.Instant;

/** When a checked resource is next due: the loop that claimed the check decides, the check reschedules with it. */
@FunctionalInterface
public interface NextCheck {

  /**
   * The next due time after a check.
   *
   * @param resource the resource
   * @param result the check's result
   * @param state the state the check leaves
   * @return when it is next due
   */
  Instant after(StoredResource resource, CheckResult result, ResourceState state);
}
