package dev.keel.examples.cli;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.LocatedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Reads scenario files. Every problem is collected with its file, line and column, so that one run reports
 * all of them; the format is documented in docs/config-reference.md.
 */
final class ScenarioReader {

  private static final Set<String> TOP_LEVEL = Set.of("description", "start", "clouds", "publish", "autoJudge",
      "timeline");
  private static final Set<String> ENGINE_ACTIONS = Set.of("publish", "judge", "pin", "unpin", "veto", "unveto",
      "pause", "resume");
  private static final String DEFAULT_USER = "keel-cli";

  private final Map<String, Set<String>> cloudActions;

  /**
   * A reader that knows which clouds and cloud actions exist.
   *
   * @param cloudActions each simulator's timeline actions, by simulator name
   */
  ScenarioReader(Map<String, Set<String>> cloudActions) {
    this.cloudActions = Map.copyOf(cloudActions);
  }

  /**
   * Loads a scenario file as a located document, before the engine exists (its start time decides the
   * engine's clock).
   *
   * @param file the file
   * @return the document
   * @throws CliException for a missing or unreadable file, a syntax error or a limit exceeded
   */
  static LocatedDocument load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(file + ":0:0: no such file");
    } catch (IOException e) {
      throw new CliException(file + ":0:0: cannot read: " + e.getMessage());
    }
    try {
      return ConfigReader.builder().build().readDocument(text, file.toString());
    } catch (ConfigException e) {
      throw new CliException(Cli.ERROR, e.problems().stream().map(Cli::line).toList());
    }
  }

  /**
   * Where a scenario starts virtual time, leniently: a malformed start is reported by {@link #parse} later.
   *
   * @param doc the scenario document
   * @return its start, or the default
   */
  static Instant startOf(LocatedDocument doc) {
    Object start = doc.values().get("start");
    try {
      return start == null ? Scenario.DEFAULT_START : Instant.parse(String.valueOf(start));
    } catch (DateTimeParseException e) {
      return Scenario.DEFAULT_START;
    }
  }

  /**
   * Parses a loaded scenario.
   *
   * @param doc the document
   * @return the scenario
   * @throws CliException listing every problem as {@code FILE:LINE:COL: message}
   */
  Scenario parse(LocatedDocument doc) {
    return new Parse(doc).scenario();
  }

  /** One file's parse, collecting problems. */
  private final class Parse {
    private final LocatedDocument doc;
    private final List<String> problems = new ArrayList<>();

    Parse(LocatedDocument doc) {
      this.doc = doc;
    }

    Scenario scenario() {
      Map<String, Object> top = doc.values();
      unknownKeys(top, "", TOP_LEVEL);
      String description = string(top, "", "description", false);
      Instant start = Scenario.DEFAULT_START;
      String startText = string(top, "", "start", false);
      if (startText != null) {
        try {
          start = Instant.parse(startText);
        } catch (DateTimeParseException e) {
          problem("start", "'" + startText + "' is not an instant: write it like 2026-01-05T09:00:00Z");
        }
      }
      Map<String, Map<String, Object>> clouds = clouds(top.get("clouds"));
      List<Scenario.TimelineEvent> timeline = timeline(top.get("timeline"));
      boolean publishesInTimeline = timeline.stream().anyMatch(e -> e.action() instanceof Scenario.Publish);
      boolean publishInitial = !publishesInTimeline;
      String publish = string(top, "", "publish", false);
      if (publish != null) {
        switch (publish) {
          case "initial" -> publishInitial = true;
          case "none" -> publishInitial = false;
          default -> problem("publish", "expected 'initial' or 'none', got '" + publish + "'");
        }
      }
      Scenario.AutoJudge autoJudge = Scenario.AutoJudge.NONE;
      String judge = string(top, "", "autoJudge", false);
      if (judge != null) {
        switch (judge) {
          case "none" -> autoJudge = Scenario.AutoJudge.NONE;
          case "approve" -> autoJudge = Scenario.AutoJudge.APPROVE;
          case "reject" -> autoJudge = Scenario.AutoJudge.REJECT;
          default -> problem("autoJudge", "expected 'none', 'approve' or 'reject', got '" + judge + "'");
        }
      }
      if (!problems.isEmpty()) {
        throw new CliException(Cli.ERROR, problems);
      }
      return new Scenario(doc, description, start, clouds, publishInitial, autoJudge, timeline);
    }

    private Map<String, Map<String, Object>> clouds(@Nullable Object value) {
      Map<String, Map<String, Object>> clouds = new LinkedHashMap<>();
      if (value == null) {
        return clouds;
      }
      if (!(value instanceof Map<?, ?> map)) {
        problem("clouds", "expected a mapping of cloud name to its seed section");
        return clouds;
      }
      for (var e : map.entrySet()) {
        String name = String.valueOf(e.getKey());
        String path = LocatedDocument.field("clouds", name);
        if (!cloudActions.containsKey(name)) {
          problem(path, "unknown cloud '" + name + "'; the loaded plugins simulate " + known(cloudActions.keySet()));
        } else if (e.getValue() == null) {
          clouds.put(name, Map.of());
        } else if (e.getValue() instanceof Map<?, ?> section) {
          clouds.put(name, stringKeys(section));
        } else {
          problem(path, "expected a mapping (the cloud's seed section)");
        }
      }
      return clouds;
    }

    private List<Scenario.TimelineEvent> timeline(@Nullable Object value) {
      List<Scenario.TimelineEvent> events = new ArrayList<>();
      if (value == null) {
        return events;
      }
      if (!(value instanceof List<?> list)) {
        problem("timeline", "expected a list of events, each with 'at' and one action");
        return events;
      }
      for (int i = 0; i < list.size(); i++) {
        String path = LocatedDocument.index("timeline", i);
        if (!(list.get(i) instanceof Map<?, ?> raw)) {
          problem(path, "expected a mapping with 'at' and one action, such as {at: 30m, publish: {...}}");
          continue;
        }
        Map<String, Object> entry = stringKeys(raw);
        Duration at = Duration.ZERO;
        Object atValue = entry.get("at");
        if (atValue == null) {
          problem(path, "missing 'at': when the event happens, such as 30m after the start");
        } else {
          try {
            at = Durations.parse(String.valueOf(atValue));
          } catch (IllegalArgumentException e) {
            problem(LocatedDocument.field(path, "at"), e.getMessage());
          }
        }
        List<String> actions = entry.keySet().stream().filter(k -> !k.equals("at")).toList();
        if (actions.size() != 1) {
          problem(path, actions.isEmpty() ? "missing an action; one of " + known(allActions())
              : "one action per event, found " + actions);
          continue;
        }
        String name = actions.get(0);
        String actionPath = LocatedDocument.field(path, name);
        Scenario.Action action = action(name, entry.get(name), actionPath);
        if (action != null) {
          events.add(new Scenario.TimelineEvent(at, actionPath, action));
        }
      }
      // A stable sort: events at the same time keep the file's order.
      events.sort(Comparator.comparing(Scenario.TimelineEvent::at));
      return events;
    }

    @Nullable
    private Scenario.Action action(String name, @Nullable Object value, String path) {
      int dot = name.indexOf('.');
      if (dot > 0) {
        String cloud = name.substring(0, dot);
        String action = name.substring(dot + 1);
        Set<String> known = cloudActions.get(cloud);
        if (known == null) {
          problem(path, "unknown cloud '" + cloud + "'; the loaded plugins simulate " + known(cloudActions.keySet()));
          return null;
        }
        if (!known.contains(action)) {
          problem(path, "cloud " + cloud + " has no action '" + action + "'; it has " + known(known));
          return null;
        }
        if (value != null && !(value instanceof Map<?, ?>)) {
          problem(path, "expected a mapping of the action's arguments");
          return null;
        }
        return new Scenario.CloudAction(cloud, action, value == null ? Map.of() : stringKeys((Map<?, ?>) value));
      }
      if (!ENGINE_ACTIONS.contains(name)) {
        problem(path, "unknown action '" + name + "'; expected one of " + known(allActions()));
        return null;
      }
      if (value != null && !(value instanceof Map<?, ?>)) {
        problem(path, "expected a mapping of the action's arguments");
        return null;
      }
      Map<String, Object> args = value == null ? Map.of() : stringKeys((Map<?, ?>) value);
      int before = problems.size();
      Scenario.Action action = switch (name) {
        case "publish" -> {
          unknownKeys(args, path, Set.of("artifact", "version", "branch"));
          yield new Scenario.Publish(req(args, path, "artifact"), req(args, path, "version"),
              string(args, path, "branch", false));
        }
        case "judge" -> {
          unknownKeys(args, path, Set.of("environment", "artifact", "version", "decision", "constraint", "by",
              "comment"));
          String decision = req(args, path, "decision");
          boolean approve = decision.equals("approve");
          if (!approve && !decision.equals("reject") && !decision.isEmpty()) {
            problem(LocatedDocument.field(path, "decision"), "expected 'approve' or 'reject', got '" + decision + "'");
          }
          String constraint = string(args, path, "constraint", false);
          yield new Scenario.Judge(req(args, path, "environment"), req(args, path, "artifact"),
              req(args, path, "version"), constraint == null ? "manual-judgement" : constraint, approve,
              by(args, path), string(args, path, "comment", false));
        }
        case "pin" -> {
          unknownKeys(args, path, Set.of("environment", "artifact", "version", "by", "comment"));
          yield new Scenario.Pin(req(args, path, "environment"), req(args, path, "artifact"),
              req(args, path, "version"), by(args, path), string(args, path, "comment", false));
        }
        case "unpin" -> {
          unknownKeys(args, path, Set.of("environment", "artifact"));
          yield new Scenario.Unpin(req(args, path, "environment"), req(args, path, "artifact"));
        }
        case "veto" -> {
          unknownKeys(args, path, Set.of("environment", "artifact", "version", "by", "comment"));
          yield new Scenario.Veto(req(args, path, "environment"), req(args, path, "artifact"),
              req(args, path, "version"), by(args, path), string(args, path, "comment", false));
        }
        case "unveto" -> {
          unknownKeys(args, path, Set.of("environment", "artifact", "version"));
          yield new Scenario.Unveto(req(args, path, "environment"), req(args, path, "artifact"),
              req(args, path, "version"));
        }
        case "pause" -> {
          unknownKeys(args, path, Set.of("resource", "by"));
          yield new Scenario.Pause(string(args, path, "resource", false), by(args, path));
        }
        default -> {
          unknownKeys(args, path, Set.of("resource", "by"));
          yield new Scenario.Resume(string(args, path, "resource", false), by(args, path));
        }
      };
      return problems.size() == before ? action : null;
    }

    private String by(Map<String, Object> args, String path) {
      String by = string(args, path, "by", false);
      return by == null ? DEFAULT_USER : by;
    }

    private String req(Map<String, Object> map, String path, String key) {
      String value = string(map, path, key, true);
      return value == null ? "" : value;
    }

    @Nullable
    private String string(Map<String, Object> map, String path, String key, boolean required) {
      Object value = map.get(key);
      String at = LocatedDocument.field(path, key);
      if (value == null) {
        if (required) {
          problem(path, "missing '" + key + "'");
        }
        return null;
      }
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        problem(at, "expected a single value, not a " + (value instanceof Map<?, ?> ? "mapping" : "list"));
        return null;
      }
      return String.valueOf(value);
    }

    private void unknownKeys(Map<String, Object> map, String path, Set<String> known) {
      for (String key : map.keySet()) {
        if (!known.contains(key)) {
          problem(LocatedDocument.field(path, key), "unknown field '" + key + "'; expected one of " + known(known));
        }
      }
    }

    private Set<String> allActions() {
      Set<String> all = new TreeSet<>(ENGINE_ACTIONS);
      cloudActions.forEach((cloud, actions) -> actions.forEach(a -> all.add(cloud + "." + a)));
      return all;
    }

    private void problem(String path, String message) {
      var p = doc.problem(path, message);
      problems.add(Cli.line(p));
    }
  }

  private static String known(Set<String> names) {
    return names.isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(names));
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
