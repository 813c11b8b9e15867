package dev.keel.spi.model;

import javax.annotation.Nullable;

/**
 * A spec that lives in an account and regions. The config reader fills in an environment's
 * {@code locations} when a locatable spec omits its own, so a spec sees null here only if neither is given.
 */
public interface Locatable extends ResourceSpec {

  /**
   * Where the resource lives.
   *
   * @return the locations, or null when neither the spec nor its environment declared any
   */
  @Nullable
  Locations locations();
}
