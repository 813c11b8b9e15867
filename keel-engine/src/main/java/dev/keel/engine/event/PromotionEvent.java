package dev.keel.engine.event;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A version moving through an environment, as Keel publishes it: approved, deploying, deployed. These are
 * published to the host (to notify on them) and are not part of resource histories.
 */
public sealed interface PromotionEvent extends KeelEvent {

  /**
   * The delivery config.
   *
   * @return its name
   */
  String deliveryConfig();

  /**
   * The environment.
   *
   * @return its name
   */
  String environment();

  /**
   * The artifact.
   *
   * @return its reference in the config
   */
  String artifactReference();

  /**
   * The version.
   *
   * @return the version
   */
  String version();

  private static void require(Object... values) {
    for (Object v : values) {
      Objects.requireNonNull(v, "a promotion event needs application, time, config, environment, artifact and version");
    }
  }

  /**
   * A version was approved for an environment: its constraints passed, or it was pinned there.
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param by {@code keel} when its constraints passed, else who pinned it
   */
  record VersionApproved(String application, Instant at, String deliveryConfig, String environment,
      String artifactReference, String version, String by) implements PromotionEvent {
    /** Checks for nulls. */
    public VersionApproved {
      require(application, at, deliveryConfig, environment, artifactReference, version, by);
    }

    @Override
    public String message() {
      return version + " of " + artifactReference + " approved for " + environment
          + ("keel".equals(by) ? "" : " (pinned by " + by + ")");
    }
  }

  /**
   * The engine started deploying a version to an environment.
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   */
  record VersionDeploying(String application, Instant at, String deliveryConfig, String environment,
      String artifactReference, String version) implements PromotionEvent {
    /** Checks for nulls. */
    public VersionDeploying {
      require(application, at, deliveryConfig, environment, artifactReference, version);
    }

    @Override
    public String message() {
      return "Deploying " + version + " of " + artifactReference + " to " + environment;
    }
  }

  /**
   * A version became CURRENT in an environment: every resource there that uses the artifact runs it.
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param previous the version it replaced as current, or null
   */
  record VersionDeployed(String application, Instant at, String deliveryConfig, String environment,
      String artifactReference, String version, @Nullable String previous) implements PromotionEvent {
    /** Checks for nulls. */
    public VersionDeployed {
      require(application, at, deliveryConfig, environment, artifactReference, version);
    }

    @Override
    public String message() {
      return version + " of " + artifactReference + " is current in " + environment
          + (previous == null ? "" : " (was " + previous + ")");
    }
  }
}
