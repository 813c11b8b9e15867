package dev.keel.examples.cli;

import dev.keel.engine.config.LocatedDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What a run plays against the simulated clouds: where virtual time starts, how each cloud is seeded, and a
 * timeline of events. Read from a scenario file by {@link ScenarioReader}, or {@link #empty() empty} when the
 * user gives none.
 *
 * @param document the file it was read from, for locating problems; null for the empty scenario
 * @param description what the scenario shows, or null
 * @param start where virtual time starts
 * @param clouds each simulated cloud's seed section, by simulator name
 * @param publishInitial whether one version of each artifact is published at the start
 * @param autoJudge how pending manual judgements are decided when the timeline does not decide them
 * @param timeline the events, in time order
 */
record Scenario(@Nullable LocatedDocument document, @Nullable String description, Instant start,
    Map<String, Map<String, Object>> clouds, boolean publishInitial, AutoJudge autoJudge,
    List<TimelineEvent> timeline) {

  /** Where virtual time starts unless a scenario says otherwise: a Monday morning, inside usual allowed times. */
  static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  /** Copies the collections. */
  Scenario {
    Objects.requireNonNull(start, "start");
    clouds = Map.copyOf(clouds);
    timeline = List.copyOf(timeline);
  }

  /**
   * The scenario of a run without a scenario file: default clouds, one version of each artifact published,
   * and judgements approved, so that a config converges without help.
   */
  static Scenario empty() {
    return new Scenario(null, null, DEFAULT_START, Map.of(), true, AutoJudge.APPROVE, List.of());
  }

  /** The virtual time of the last timeline event, relative to the start. */
  Duration length() {
    return timeline.isEmpty() ? Duration.ZERO : timeline.get(timeline.size() - 1).at();
  }

  /** The file name, for messages. */
  Optional<String> source() {
    return Optional.ofNullable(document).map(LocatedDocument::source);
  }

  /** A problem at a path of the scenario file, as {@code FILE:LINE:COL: message}. */
  String problem(String path, String message) {
    if (document == null) {
      return "scenario: " + message;
    }
    var p = document.problem(path, message);
    return p.source() + ":" + p.line() + ":" + p.column() + ": " + message;
  }

  /** How manual judgements nobody decided in the timeline are decided. */
  enum AutoJudge {
    /** They wait, as they would for a person. */
    NONE,
    /** They are approved as soon as they are asked. */
    APPROVE,
    /** They are rejected as soon as they are asked. */
    REJECT
  }

  /**
   * One event of the timeline.
   *
   * @param at when, relative to the start
   * @param path the path of its action in the scenario file, for problems
   * @param action what happens
   */
  record TimelineEvent(Duration at, String path, Action action) {}

  /** What a timeline event does. */
  sealed interface Action {
    /** A short description, for progress lines. */
    String describe();
  }

  /** Publishes a version of an artifact (by reference or name). */
  record Publish(String artifact, String version, @Nullable String branch) implements Action {
    @Override
    public String describe() {
      return "publish " + artifact + " " + version;
    }
  }

  /** Approves or rejects a manual judgement, or overrides another constraint. */
  record Judge(String environment, String artifact, String version, String constraint, boolean approve, String by,
      @Nullable String comment) implements Action {
    @Override
    public String describe() {
      return (approve ? "approve " : "reject ") + version + " in " + environment
          + (constraint.equals("manual-judgement") ? "" : " (" + constraint + ")") + " by " + by;
    }
  }

  /** Pins a version in an environment. */
  record Pin(String environment, String artifact, String version, String by, @Nullable String comment)
      implements Action {
    @Override
    public String describe() {
      return "pin " + version + " in " + environment + " (" + by + ")";
    }
  }

  /** Removes an environment's pin. */
  record Unpin(String environment, String artifact) implements Action {
    @Override
    public String describe() {
      return "unpin " + artifact + " in " + environment;
    }
  }

  /** Vetoes (marks as bad) a version in an environment. */
  record Veto(String environment, String artifact, String version, String by, @Nullable String comment)
      implements Action {
    @Override
    public String describe() {
      return "veto " + version + " in " + environment + " (" + by + ")";
    }
  }

  /** Lifts a veto. */
  record Unveto(String environment, String artifact, String version) implements Action {
    @Override
    public String describe() {
      return "unveto " + version + " in " + environment;
    }
  }

  /** Pauses the application, or one resource. */
  record Pause(@Nullable String resource, String by) implements Action {
    @Override
    public String describe() {
      return "pause " + (resource == null ? "the application" : resource);
    }
  }

  /** Resumes the application, or one resource. */
  record Resume(@Nullable String resource, String by) implements Action {
    @Override
    public String describe() {
      return "resume " + (resource == null ? "the application" : resource);
    }
  }

  /** An action of a simulated cloud: a fault, a change by hand. */
  record CloudAction(String cloud, String action, Map<String, Object> arguments) implements Action {
    /** Copies the arguments. */
    CloudAction {
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    @Override
    public String describe() {
      return cloud + "." + action + " " + arguments;
    }
  }
}
