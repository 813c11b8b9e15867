package dev.keel.spring.api;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One version of one artifact in one environment of an application, as a pin, veto or judgement names it, and why.
 *
 * @param environment the environment
 * @param reference the artifact's reference in the config
 * @param version the version
 * @param comment why, or null
 */
public record VersionTarget(String environment, String reference, String version, @Nullable String comment) {

  /** Checks for nulls. */
  public VersionTarget {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(version, "version");
  }
}
