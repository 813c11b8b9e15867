package dev.keel.engine.internal.check;

import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.Resource;
import javax.annotation.Nullable;

/**
 * What the rest of the engine (promotion) has to say around a resource's actuation: whether it may start
 * now, and what a finished check means for the environment. The default gate allows everything.
 */
public interface ActuationGate {

  /** A gate that never holds an actuation back and ignores results. */
  ActuationGate OPEN = new ActuationGate() {
    @Override
    @Nullable
    public String beforeExecute(StoredResource stored, Resource<?> resolved) {
      return null;
    }

    @Override
    public void afterCheck(StoredResource stored, CheckReport report, @Nullable Resource<?> resolved) {}
  };

  /**
   * Called just before a handler executes an actuation. Returning a reason holds the actuation back (the
   * check records it as a veto); returning null lets it run, after recording anything that must be known
   * before it starts (a version becoming DEPLOYING).
   *
   * @param stored the resource
   * @param resolved the resource after resolvers
   * @return null to proceed, or why not
   */
  @Nullable
  String beforeExecute(StoredResource stored, Resource<?> resolved);

  /**
   * Called after every executed check with its outcome.
   *
   * @param stored the resource
   * @param report the outcome
   * @param resolved the resource after resolvers, or null if resolution failed
   */
  void afterCheck(StoredResource stored, CheckReport report, @Nullable Resource<?> resolved);
}
