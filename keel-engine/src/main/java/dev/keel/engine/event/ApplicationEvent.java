package dev.keel.engine.event;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/** Events that concern a whole application; they appear in the history of each of its resources. */
public sealed interface ApplicationEvent extends KeelEvent {

  /**
   * Actuation was paused for every resource of the application.
   *
   * @param application the application
   * @param at when
   * @param by who paused it
   * @param comment why, or null
   */
  record Paused(String application, Instant at, String by, @Nullable String comment)
      implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public Paused {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Application management paused by " + by + (comment == null ? "" : ": " + comment);
    }
  }

  /**
   * Actuation was resumed for the application.
   *
   * @param application the application
   * @param at when
   * @param by who resumed it
   */
  record Resumed(String application, Instant at, String by) implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public Resumed {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Application management resumed by " + by;
    }
  }

  /**
   * A delivery config of the application was submitted and changed what is stored: recorded after the events of
   * the resources it created, updated or removed, at the same time. A submission that changes nothing records
   * nothing.
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config's name
   * @param by who submitted it ({@link dev.keel.engine.Actor#SYSTEM_NAME} when the caller named nobody)
   * @param comment why, or null
   * @param created how many resources it started managing
   * @param updated how many resources it changed
   * @param removed how many resources it stopped managing
   */
  record ConfigSubmitted(String application, Instant at, String deliveryConfig, String by, @Nullable String comment,
      int created, int updated, int removed) implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public ConfigSubmitted {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(deliveryConfig, "deliveryConfig");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Delivery config " + deliveryConfig + " submitted by " + by + ": " + created + " created, " + updated
          + " updated, " + removed + " removed" + (comment == null ? "" : " (" + comment + ")");
    }
  }

  /**
   * A delivery config of the application was deleted: its resources are no longer managed (their cloud resources
   * are left alone). Recorded after their {@link ResourceEvent.Removed} events, at the same time, so it is in the
   * history of each removed resource while that is kept.
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config's name
   * @param by who deleted it ({@link dev.keel.engine.Actor#SYSTEM_NAME} when the caller named nobody)
   * @param comment why, or null
   * @param removed how many resources it stopped managing
   */
  record ConfigDeleted(String application, Instant at, String deliveryConfig, String by, @Nullable String comment,
      int removed) implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public ConfigDeleted {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(deliveryConfig, "deliveryConfig");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Delivery config " + deliveryConfig + " deleted by " + by + ": " + removed + " removed"
          + (comment == null ? "" : " (" + comment + ")");
    }
  }

  /**
   * A pin of an artifact in an environment was removed: the environment goes back to its best approved version.
   * (The pin itself, with who made it, is in the promotion state while it holds.)
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config's name
   * @param environment the environment
   * @param artifactReference the artifact's reference in the config
   * @param by who removed it
   * @param comment why, or null
   */
  record Unpinned(String application, Instant at, String deliveryConfig, String environment, String artifactReference,
      String by, @Nullable String comment) implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public Unpinned {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(deliveryConfig, "deliveryConfig");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(artifactReference, "artifactReference");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Pin of " + artifactReference + " in " + environment + " removed by " + by
          + (comment == null ? "" : ": " + comment);
    }
  }

  /**
   * The veto of a version in an environment was undone: the version has its earlier status again. (The veto
   * itself, with who made it, is in the promotion state while it holds.)
   *
   * @param application the application
   * @param at when
   * @param deliveryConfig the config's name
   * @param environment the environment
   * @param artifactReference the artifact's reference in the config
   * @param version the version
   * @param by who undid it
   * @param comment why, or null
   */
  record Unvetoed(String application, Instant at, String deliveryConfig, String environment, String artifactReference,
      String version, String by, @Nullable String comment) implements ApplicationEvent, Attributed {
    /** Checks for nulls. */
    public Unvetoed {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(deliveryConfig, "deliveryConfig");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(artifactReference, "artifactReference");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String message() {
      return "Veto of " + artifactReference + " " + version + " in " + environment + " undone by " + by
          + (comment == null ? "" : ": " + comment);
    }
  }

  /**
   * A promotion extension (a constraint or verification evaluator) failed: it threw, overran its deadline,
   * or was not called because its earlier call is still stuck. Recorded once per failure; the same
   * failure again is not recorded again until the call has succeeded in between.
   *
   * @param application the application
   * @param at when
   * @param environment the environment
   * @param version the version being evaluated
   * @param extension what failed, such as {@code constraint canary} or {@code verification smoke start}
   * @param reason what went wrong
   */
  record PromotionCallFailed(String application, Instant at, String environment, String version, String extension,
      String reason) implements ApplicationEvent {
    /** Checks for nulls. */
    public PromotionCallFailed {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(extension, "extension");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return extension + " failed for " + version + " in " + environment + ": " + reason;
    }
  }
}
