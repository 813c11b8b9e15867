package dev.keel.engine.store;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A pause of actuation. Paused resources are still checked and their drift reported, but never acted on.
 * Pauses outlive the delivery config, so resubmitting a config does not silently resume.
 *
 * @param scope application or resource
 * @param name the application name or the resource id
 * @param by who paused
 * @param at when
 * @param comment why, or null
 */
public record Pause(PauseScope scope, String name, String by, Instant at, @Nullable String comment) {

  /** Checks for nulls. */
  public Pause {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
