package dev.keel.examples.cli;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * What a run tells the user as it goes: the engine's resource events that matter (actions, tasks, vetoes,
 * errors, plugin events such as bakes), resources becoming happy, and the promotion of versions through
 * environments (approved, deploying, current, skipped, vetoed, waiting on a constraint), which it finds by
 * comparing the promotion state between steps. Lines are printed as they come, or kept for the JSON report.
 */
final class Progress {

  /**
   * One line of progress.
   *
   * @param elapsed virtual time since the start
   * @param at the virtual instant
   * @param subject the resource, or environment and artifact, it is about; empty for the run itself
   * @param message what happened
   */
  record Line(Duration elapsed, Instant at, String subject, String message) {
    String render() {
      return "T+" + Durations.format(elapsed) + "  " + (subject.isEmpty() ? "" : subject + ": ") + message;
    }
  }

  private final KeelEngine engine;
  private final DeliveryConfig config;
  private final String application;
  private final Instant start;
  private final Supplier<Instant> now;
  @Nullable
  private final PrintStream out;
  private final List<Line> lines = new ArrayList<>();
  private final Map<String, String> lastMessage = new HashMap<>();
  private final Map<String, ResourceStatus> statuses = new HashMap<>();
  private final Map<String, String> promotion = new HashMap<>();
  private final List<KeelEvent> pending = new ArrayList<>();

  /**
   * Progress of one application.
   *
   * @param engine the engine
   * @param config the application's config
   * @param start the start of the run
   * @param now the virtual clock
   * @param out where lines are printed as they come; null to only keep them
   */
  Progress(KeelEngine engine, DeliveryConfig config, Instant start, Supplier<Instant> now, @Nullable PrintStream out) {
    this.engine = engine;
    this.config = config;
    this.application = config.application();
    this.start = start;
    this.now = now;
    this.out = out;
    engine.events().subscribe(e -> {
      synchronized (pending) {
        pending.add(e);
      }
    });
  }

  /** Reports a line about the run itself, such as a timeline event played. */
  void note(String subject, String message) {
    add(now.get(), subject, message);
  }

  /**
   * Reports what happened since the last call: events first, then status and promotion changes. Events of
   * different resources reach the subscriber in the order the engine's threads happen to finish, so they are
   * put in order of time, then resource (a stable sort: one resource's events are never reordered, as its
   * checks run one at a time); statuses and promotions are visited in sorted order. Identical runs then print
   * identical lines.
   */
  void observe() {
    List<KeelEvent> events;
    synchronized (pending) {
      events = new ArrayList<>(pending);
      pending.clear();
    }
    events.sort(Comparator.comparing(KeelEvent::at).thenComparing(Progress::subjectOf));
    sortTaskRuns(events);
    events.forEach(this::event);
    observeStatuses();
    observePromotion();
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  private void event(KeelEvent event) {
    if (!(event instanceof ResourceEvent e) || !e.application().equals(application)) {
      return;
    }
    String message = null;
    if (e instanceof ResourceEvent.ActuationLaunched a) {
      message = String.join("; ", a.operations());
    } else if (e instanceof ResourceEvent.TaskSucceeded t) {
      message = "task succeeded: " + t.task().name();
    } else if (e instanceof ResourceEvent.TaskFailed t) {
      message = "task failed: " + t.task().name() + ": " + t.reason();
    } else if (e instanceof ResourceEvent.ActuationVetoed || e instanceof ResourceEvent.CheckError
        || e instanceof ResourceEvent.CheckTimedOut || e instanceof ResourceEvent.CheckUnresolvable
        || e instanceof ResourceEvent.DiffNotActionable || e instanceof ResourceEvent.FromPlugin
        || e instanceof ResourceEvent.ActuationPaused || e instanceof ResourceEvent.ActuationResumed
        || e instanceof ResourceEvent.FreezeOverridden) {
      message = e.message();
    }
    if (message == null) {
      return;
    }
    // Repeated results of periodic checks say nothing new.
    String key = e.resourceId() + "|" + e.getClass().getSimpleName();
    if (message.equals(lastMessage.put(key, message)) && !(e instanceof ResourceEvent.ActuationLaunched)) {
      return;
    }
    add(e.at(), e.resourceId(), message);
  }

  /**
   * Orders each run of task results of one resource at one instant by message: the task monitor polls a
   * resource's tasks in parallel, so their results arrive in any order, and no one of them causes another.
   */
  private static void sortTaskRuns(List<KeelEvent> events) {
    int i = 0;
    while (i < events.size()) {
      int j = i + 1;
      while (j < events.size() && taskResult(events.get(i)) != null && taskResult(events.get(j)) != null
          && events.get(j).at().equals(events.get(i).at()) && subjectOf(events.get(j)).equals(subjectOf(events.get(i)))) {
        j++;
      }
      // By what is printed, then by name: simulated task names can depend on the order calls arrived in.
      events.subList(i, j).sort(Comparator.comparing(KeelEvent::message).thenComparing(Progress::taskResult));
      i = j;
    }
  }

  /** The task name of a task result event, or null for any other event. */
  @Nullable
  private static String taskResult(KeelEvent event) {
    if (event instanceof ResourceEvent.TaskSucceeded t) {
      return t.task().name();
    }
    return event instanceof ResourceEvent.TaskFailed t ? t.task().name() : null;
  }

  private static String subjectOf(KeelEvent event) {
    return event instanceof ResourceEvent r ? r.resourceId() : "";
  }

  private void observeStatuses() {
    List<String> ids = new ArrayList<>();
    for (var stored : engine.resources()) {
      if (stored.resource().application().equals(application)) {
        ids.add(stored.resource().id());
      }
    }
    ids.sort(null);
    for (String id : ids) {
      ResourceStatus status = engine.status(id);
      ResourceStatus before = statuses.put(id, status);
      if (status != before && (status == ResourceStatus.HAPPY || before == ResourceStatus.HAPPY)) {
        add(now.get(), id, before == null ? "is " + status : before + " -> " + status);
      }
    }
  }

  private void observePromotion() {
    List<EnvironmentPromotion> envs = new ArrayList<>(engine.promotions().status(application));
    envs.sort(Comparator.comparing(EnvironmentPromotion::environment).thenComparing(EnvironmentPromotion::artifactReference));
    for (EnvironmentPromotion env : envs) {
      for (VersionPromotion v : env.versions()) {
        String subject = env.environment() + "/" + env.artifactReference();
        String key = subject + "|" + v.version();
        String state = v.status().name();
        String before = promotion.put(key, state);
        if (!state.equals(before) && !(before == null && v.status() == PromotionStatus.PENDING)) {
          add(now.get(), subject, v.version() + " " + describe(v));
        }
        for (ConstraintState c : v.constraints()) {
          String ckey = key + "|" + c.type();
          String cstate = c.status().name();
          if (!cstate.equals(promotion.put(ckey, cstate)) && worthSaying(env.environment(), c)) {
            add(now.get(), subject, v.version() + " " + c.type() + " " + constraint(c));
          }
        }
      }
    }
  }

  /**
   * Whether a constraint's new state is news: always, except an implicit constraint (such as EC2's bake for a
   * Docker image) passing, which the user never declared and would only find noisy.
   */
  private boolean worthSaying(String environment, ConstraintState c) {
    if (c.status() == ConstraintStatus.NOT_EVALUATED) {
      return false;
    }
    boolean declared = config.environments().stream().filter(e -> e.name().equals(environment))
        .anyMatch(e -> e.constraint(c.type()).isPresent());
    return declared || c.status() != ConstraintStatus.PASS;
  }

  private static String describe(VersionPromotion v) {
    return switch (v.status()) {
      case APPROVED -> "approved";
      case DEPLOYING -> "deploying";
      case CURRENT -> "is CURRENT";
      case PREVIOUS -> "is PREVIOUS" + (v.replacedBy() == null ? "" : " (replaced by " + v.replacedBy() + ")");
      case SKIPPED -> "SKIPPED" + (v.replacedBy() == null ? "" : " (" + v.replacedBy() + " is newer)");
      case VETOED -> "VETOED" + (v.vetoedBy() == null ? "" : " by " + v.vetoedBy());
      case PENDING -> "pending";
    };
  }

  private static String constraint(ConstraintState c) {
    String who = c.judgedBy() == null ? "" : " by " + c.judgedBy();
    return switch (c.status()) {
      // Sorted: the attributes come as an unordered map, and identical runs print identical lines.
      case PENDING -> "waiting" + (c.attributes().isEmpty() ? "" : " " + new TreeMap<>(c.attributes()));
      case PASS -> "passed";
      case FAIL -> "failed";
      case OVERRIDE_PASS -> "approved" + who;
      case OVERRIDE_FAIL -> "rejected" + who;
      case NOT_EVALUATED -> "not evaluated";
    };
  }

  private void add(Instant at, String subject, String message) {
    Line line = new Line(Duration.between(start, at), at, subject, message);
    lines.add(line);
    if (out != null) {
      out.println(line.render());
    }
  }
}
