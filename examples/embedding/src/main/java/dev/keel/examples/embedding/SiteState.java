package dev.keel.examples.embedding;

import java.util.Objects;

/**
 * What a static site looks like, desired or as the host serves it: the model {@link SiteHandler} gives the
 * engine to diff. Its JSON property names are the paths a diff reports, such as {@code /cacheTtlSeconds}.
 *
 * @param bundle the version of the bundle served, such as {@code 1.2.0}
 * @param cacheTtlSeconds how long pages may be cached, in seconds
 */
public record SiteState(String bundle, int cacheTtlSeconds) {

  /** Checks for nulls. */
  public SiteState {
    Objects.requireNonNull(bundle, "bundle");
  }
}
