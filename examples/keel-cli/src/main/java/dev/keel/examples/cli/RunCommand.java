package dev.keel.examples.cli;

import dev.keel.engine.Actor;
import dev.keel.engine.Judgement;
import dev.keel.engine.PromotionControl;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.spi.model.DeliveryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keel run FILE}: starts the engine on virtual time against the simulated clouds, plays the scenario's
 * timeline, prints progress, and ends with the state of every environment. Virtual time advances in small
 * steps, and exactly to each timeline event, so an hour of delivery takes a second or two.
 */
final class RunCommand {

  /** How far virtual time moves between looks at progress. */
  private static final Duration STEP = Duration.ofSeconds(15);
  /** How long a run lasts without --until-converged, at least, and past the last timeline event. */
  private static final Duration DEFAULT_LENGTH = Duration.ofHours(4);
  private static final Duration DEFAULT_LIMIT = Duration.ofHours(24);
  private static final String MANUAL_JUDGEMENT = "manual-judgement";

  private final Cli cli;

  RunCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    Path file = Path.of(Cli.single(options, "FILE"));
    boolean json = options.has("--json");
    boolean untilConverged = options.has("--until-converged");
    Duration given = options.duration("--max-time");
    long wallStart = System.nanoTime(); // only reported, never decides anything
    try (Cli.Prepared prepared = cli.prepare(options)) {
      Simulation sim = prepared.simulation();
      Scenario scenario = prepared.scenario();
      DeliveryConfig config = Cli.readConfig(sim, file);
      Duration limit = given != null ? given : untilConverged ? DEFAULT_LIMIT
          : max(DEFAULT_LENGTH, scenario.length().plus(Duration.ofHours(1)));
      Instant end = sim.start().plus(limit);
      Progress progress = new Progress(sim.engine(), config, sim.start(), sim.scheduler()::now,
          json ? null : cli.out());
      if (!json) {
        cli.out().println("Running " + config.application() + " (" + file + ") on virtual time from " + sim.start()
            + (scenario.source().isPresent() ? " with scenario " + scenario.source().get() : "")
            + "; simulated clouds: " + String.join(", ", sim.cloudActions().keySet())
            + (sim.overSpinnaker() ? ", behind a fake Spinnaker (Clouddriver and Orca over HTTP)" : ""));
      }
      sim.submit(config);
      sim.engine().start();
      if (scenario.publishInitial()) {
        for (var artifact : config.artifacts()) {
          String version = sim.publish(artifact, InitialVersions.first(artifact), InitialVersions.branch(artifact));
          progress.note(artifact.reference(), "published " + version);
        }
      }
      Set<String> judgedInTimeline = judgedInTimeline(scenario, sim);
      boolean autoDecides = scenario.autoJudge() != Scenario.AutoJudge.NONE;
      int next = 0;
      List<Scenario.TimelineEvent> timeline = scenario.timeline();
      boolean converged = false;
      Instant convergedAt = null;
      List<String> blockers;
      while (true) {
        while (next < timeline.size() && !sim.start().plus(timeline.get(next).at()).isAfter(sim.scheduler().now())) {
          Scenario.TimelineEvent event = timeline.get(next++);
          progress.note("timeline", sim.apply(scenario, event));
        }
        sim.scheduler().runUntilIdle();
        if (autoDecides) {
          autoJudge(sim, config, scenario.autoJudge(), judgedInTimeline, progress);
        }
        progress.observe();
        boolean played = next == timeline.size();
        Instant now = sim.scheduler().now();
        blockers = sim.engine().convergence(config.application(), autoDecides).blockers();
        boolean atRest = played && blockers.isEmpty();
        convergedAt = atRest ? (convergedAt == null ? now : convergedAt) : null;
        if (atRest && untilConverged || !now.isBefore(end)) {
          converged = atRest;
          break;
        }
        Instant to = min(now.plus(STEP), end);
        if (next < timeline.size()) {
          to = min(to, sim.start().plus(timeline.get(next).at()));
        }
        sim.scheduler().advanceTo(to);
      }
      FinalState state = new FinalState(sim.engine(), config);
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("application", config.application());
        doc.put("file", file.toString());
        doc.put("scenario", scenario.source().orElse(null));
        doc.put("converged", converged);
        doc.put("convergedAt", convergedAt == null ? null : convergedAt.toString());
        doc.put("start", sim.start().toString());
        doc.put("end", sim.scheduler().now().toString());
        doc.put("elapsed", sim.elapsed().toString());
        doc.put("blockers", blockers);
        doc.put("environments", state.json());
        List<Object> lines = new ArrayList<>();
        for (Progress.Line line : progress.lines()) {
          lines.add(Map.of("elapsed", line.elapsed().toString(), "at", line.at().toString(), "subject",
              line.subject(), "message", line.message()));
        }
        doc.put("progress", lines);
        cli.out().println(Json.write(doc));
      } else {
        cli.out().println();
        state.print(cli.out());
        cli.out().println();
        if (converged) {
          cli.out().printf("Converged at T+%s; ran %s of virtual time in %.1f s.%n",
              Durations.format(Duration.between(sim.start(), convergedAt)), Durations.format(sim.elapsed()), seconds);
        } else {
          cli.out().printf("Not converged after %s of virtual time (--max-time %s):%n",
              Durations.format(sim.elapsed()), Durations.format(limit));
          blockers.forEach(b -> cli.out().println("  " + b));
          if (next < timeline.size()) {
            cli.out().println("  " + (timeline.size() - next) + " timeline event(s) not played yet");
          }
        }
      }
      return converged ? Cli.OK : Cli.TIMED_OUT;
    }
  }

  /** Decides pending manual judgements the timeline does not decide itself, as the scenario's autoJudge says. */
  private static void autoJudge(Simulation sim, DeliveryConfig config, Scenario.AutoJudge how, Set<String> judged,
      Progress progress) {
    for (EnvironmentPromotion p : sim.engine().promotions().status(config.application())) {
      if (config.environment(p.environment()).constraint(MANUAL_JUDGEMENT).isEmpty()) {
        continue;
      }
      for (VersionPromotion v : p.versions()) {
        String key = p.environment() + "|" + p.artifactReference() + "|" + v.version();
        if (judged.contains(key)) {
          continue;
        }
        for (ConstraintState c : v.constraints()) {
          if (c.type().equals(MANUAL_JUDGEMENT) && c.status() == ConstraintStatus.PENDING) {
            boolean approve = how == Scenario.AutoJudge.APPROVE;
            PromotionControl promotions = sim.engine().promotions();
            promotions.judge(promotions.where(config.application(), p.environment(), p.artifactReference()), v.version(),
                MANUAL_JUDGEMENT, approve ? Judgement.PASS : Judgement.FAIL,
                Actor.of("keel-cli", "decided by autoJudge: " + how.name().toLowerCase()));
            progress.note(p.environment() + "/" + p.artifactReference(), (approve ? "auto-approved " : "auto-rejected ")
                + "the manual judgement of " + v.version());
          }
        }
      }
    }
  }

  private static Set<String> judgedInTimeline(Scenario scenario, Simulation sim) {
    Set<String> judged = new HashSet<>();
    for (Scenario.TimelineEvent e : scenario.timeline()) {
      if (e.action() instanceof Scenario.Judge j && j.constraint().equals(MANUAL_JUDGEMENT)) {
        try {
          var artifact = sim.artifact(j.artifact());
          judged.add(j.environment() + "|" + artifact.reference() + "|" + InitialVersions.recorded(artifact, j.version()));
        } catch (RuntimeException unknownArtifact) {
          // reported when the event is played
        }
      }
    }
    return judged;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
