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
  record Paused(String application, Instant at, String by, @Nullable String comment) implements ApplicationEvent {
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
  record Resumed(String application, Instant at, String by) implements ApplicationEvent {
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
