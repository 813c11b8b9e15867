package dev.keel.examples.cli;

import dev.keel.engine.config.TemplateProvenance;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.diff.ResourceDiff;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import javax.annotation.Nullable;

/**
 * {@code keel plan FILE}: what the engine would do on its first look at the config, after the scenario's
 * start (clouds seeded, versions published at time zero, promotion checked once), with nothing executed.
 */
final class PlanCommand {

  /** The most change lines a text plan shows per resource; --json shows all. */
  private static final int TEXT_LINES = 12;

  private final Cli cli;

  PlanCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    Path file = Path.of(Cli.single(options, "FILE"));
    try (Cli.Prepared prepared = cli.prepare(options)) {
      Simulation sim = prepared.simulation();
      Scenario scenario = prepared.scenario();
      DeliveryConfig config = Cli.readConfig(sim, file);
      sim.submit(config);
      if (scenario.publishInitial()) {
        sim.publishInitialVersions();
      }
      for (Scenario.TimelineEvent event : scenario.timeline()) {
        if (event.at().isZero()) {
          sim.apply(scenario, event);
        }
      }
      sim.engine().promotions().check(config.application());
      sim.scheduler().runUntilIdle();
      CompletableFuture<Plan> future = sim.engine().planAsync(config);
      sim.scheduler().runUntilIdle();
      Plan plan;
      try {
        plan = future.join();
      } catch (CompletionException e) {
        throw new CliException("keel: planning failed: " + e.getCause());
      }
      if (options.has("--json")) {
        cli.out().println(Json.write(json(plan, config, file.toString(), sim.scheduler().now())));
      } else {
        print(cli.out(), plan, config, file.toString(), sim.scheduler().now(), sim.engine().config().defaultTimeZone());
      }
      boolean error = plan.resources().stream().anyMatch(r -> r.action() == PlannedAction.ERROR);
      return error ? Cli.ERROR : plan.inSync() ? Cli.OK : Cli.PENDING;
    }
  }

  /**
   * The text plan. Values come from the diffs' masked renderings only, never from the models, which hold
   * {@code @Sensitive} values in clear.
   */
  static void print(PrintStream out, Plan plan, DeliveryConfig config, String file, Instant at, ZoneId defaultZone) {
    out.println("Plan for " + config.application() + " (" + file + ") at " + at);
    List<String> zoneless = AllowedTimesConstraint.environmentsWithoutZone(config);
    if (!zoneless.isEmpty()) {
      out.println("allowed-times without tz (" + String.join(", ", zoneless) + ") read in "
          + defaultZone + " (engine defaultTimeZone)");
    }
    Map<PlannedAction, Integer> counts = new EnumMap<>(PlannedAction.class);
    for (var env : config.environments()) {
      out.println();
      out.println(env.name());
      for (var r : env.resources()) {
        ResourcePlan p = plan.resource(r.id()).orElse(null);
        if (p == null) {
          continue;
        }
        counts.merge(p.action(), 1, Integer::sum);
        out.println("  " + p.resourceId() + "  [" + p.kind() + "]  " + p.action() + ", " + p.status());
        TemplateProvenance.of(r).ifPresent(t -> out.println("    from " + t.describe()));
        if (p.blockedBy() != null) {
          out.println("    blocked by " + p.blockedBy());
        }
        if (p.message() != null) {
          out.println("    " + p.message());
        }
        for (Operation op : p.operations()) {
          out.println("    + " + op.type() + ": " + op.description());
        }
        if (p.diff() != null && p.diff().hasChanges()) {
          List<String> lines = textLines(p.diff());
          String what = p.diff().current() == null ? "values (new resource)" : "changes";
          out.println("    " + what + " (" + lines.size() + "):");
          lines.stream().limit(TEXT_LINES).forEach(line -> out.println("      " + line));
          if (lines.size() > TEXT_LINES) {
            out.println("      ... " + (lines.size() - TEXT_LINES) + " more (--json shows all)");
          }
        }
        for (ResolverApplication a : p.resolvers()) {
          out.println("    resolver " + a.resolver() + " changed " + a.changes().size() + " value"
              + (a.changes().size() == 1 ? "" : "s"));
        }
      }
    }
    out.println();
    List<String> summary = new ArrayList<>();
    counts.forEach((action, n) -> summary.add(n + " " + action.name().toLowerCase()));
    out.println(plan.inSync() ? "Everything is in sync." : "Not in sync: " + String.join(", ", summary) + ".");
  }

  /**
   * One line per changed leaf: a change of a whole object (a new resource, an added element) is spelt out
   * value by value under its path, so no line has an empty path and no value is cut.
   */
  private static List<String> textLines(ResourceDiff<?> diff) {
    List<String> lines = new ArrayList<>();
    for (MaskedChange c : MaskedChange.of(diff)) {
      switch (c.op()) {
        case ADD -> leaves(c.path(), c.desired(), (path, v) -> lines.add("+ " + path + " = " + v));
        case REMOVE -> lines.add("- " + c.path() + " (was " + Json.compact(c.current()) + ")");
        default -> lines.add("~ " + c.path() + ": " + Json.compact(c.current()) + " -> " + Json.compact(c.desired()));
      }
    }
    return lines;
  }

  private static void leaves(String path, @Nullable Object value, BiConsumer<String, String> sink) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      map.forEach((k, v) -> leaves(path + "/" + String.valueOf(k).replace("~", "~0").replace("/", "~1"), v, sink));
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      for (int i = 0; i < list.size(); i++) {
        leaves(path + "/" + i, list.get(i), sink);
      }
    } else {
      sink.accept(path.isEmpty() ? "/" : path, Json.compact(value));
    }
  }

  static Map<String, Object> json(Plan plan, DeliveryConfig config, String file, Instant at) {
    List<Object> resources = new ArrayList<>();
    for (ResourcePlan p : plan.resources()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", p.resourceId());
      r.put("kind", p.kind().toString());
      r.put("environment", config.environmentOf(p.resourceId()).map(e -> e.name()).orElse(null));
      r.put("template", config.resources().filter(res -> res.id().equals(p.resourceId())).findFirst()
          .flatMap(TemplateProvenance::of).map(TemplateProvenance::toMetadata).orElse(null));
      r.put("action", p.action().name());
      r.put("status", p.status().name());
      r.put("blockedBy", p.blockedBy());
      r.put("message", p.message());
      r.put("changes", p.diff() == null ? List.of() : changes(p.diff()));
      List<Object> operations = new ArrayList<>();
      for (Operation op : p.operations()) {
        operations.add(Map.of("type", op.type(), "description", op.description()));
      }
      r.put("operations", operations);
      List<Object> resolvers = new ArrayList<>();
      for (ResolverApplication a : p.resolvers()) {
        resolvers.add(Map.of("name", a.resolver(), "changes", changes(a.diff())));
      }
      r.put("resolvers", resolvers);
      resources.add(r);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("deliveryConfig", plan.deliveryConfig());
    doc.put("application", config.application());
    doc.put("file", file);
    doc.put("at", at.toString());
    doc.put("inSync", plan.inSync());
    doc.put("resources", resources);
    return doc;
  }

  private static List<Object> changes(ResourceDiff<?> diff) {
    List<Object> list = new ArrayList<>();
    for (MaskedChange c : MaskedChange.of(diff)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("op", c.op().name().toLowerCase());
      m.put("path", c.path().isEmpty() ? "/" : c.path());
      m.put("desired", c.desired());
      m.put("current", c.current());
      list.add(m);
    }
    return list;
  }
}
