package dev.keel.examples.cli;

import dev.keel.engine.plan.Plan;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.diff.Change;
import dev.keel.spi.model.DeliveryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code keel plan FILE}: what the engine would do on its first look at the config, after the scenario's
 * start (clouds seeded, versions published at time zero, promotion checked once), with nothing executed.
 */
final class PlanCommand {

  private static final String MASK = "***";

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
      sim.engine().checkPromotion(config.application());
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
        cli.out().println(Json.write(json(plan, config, file, sim)));
      } else {
        print(plan, config, file, sim);
      }
      boolean error = plan.resources().stream().anyMatch(r -> r.action() == PlannedAction.ERROR);
      return error ? Cli.ERROR : plan.inSync() ? Cli.OK : Cli.PENDING;
    }
  }

  private void print(Plan plan, DeliveryConfig config, Path file, Simulation sim) {
    var out = cli.out();
    out.println("Plan for " + config.application() + " (" + file + ") at " + sim.scheduler().now());
    List<String> zoneless = AllowedTimesConstraint.environmentsWithoutZone(config);
    if (!zoneless.isEmpty()) {
      out.println("allowed-times without tz (" + String.join(", ", zoneless) + ") read in "
          + sim.engine().config().defaultTimeZone() + " (engine defaultTimeZone)");
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
          List<Change> changes = p.diff().changes();
          out.println("    changes (" + changes.size() + "):");
          changes.stream().limit(12).forEach(c -> out.println("      " + render(c)));
          if (changes.size() > 12) {
            out.println("      ... " + (changes.size() - 12) + " more (--json shows all)");
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

  private static String render(Change c) {
    String desired = c.sensitive() ? MASK : String.valueOf(Json.plain(c.desired()));
    String current = c.sensitive() ? MASK : String.valueOf(Json.plain(c.current()));
    return switch (c.op()) {
      case ADD -> "+ " + c.path() + " = " + abbreviate(desired);
      case REMOVE -> "- " + c.path() + " (was " + abbreviate(current) + ")";
      default -> "~ " + c.path() + ": " + abbreviate(current) + " -> " + abbreviate(desired);
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static Map<String, Object> json(Plan plan, DeliveryConfig config, Path file, Simulation sim) {
    List<Object> resources = new ArrayList<>();
    for (ResourcePlan p : plan.resources()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", p.resourceId());
      r.put("kind", p.kind().toString());
      r.put("environment", config.environmentOf(p.resourceId()).map(e -> e.name()).orElse(null));
      r.put("action", p.action().name());
      r.put("status", p.status().name());
      r.put("blockedBy", p.blockedBy());
      r.put("message", p.message());
      r.put("changes", p.diff() == null ? List.of() : changes(p.diff().changes()));
      List<Object> operations = new ArrayList<>();
      for (Operation op : p.operations()) {
        operations.add(Map.of("type", op.type(), "description", op.description()));
      }
      r.put("operations", operations);
      List<Object> resolvers = new ArrayList<>();
      for (ResolverApplication a : p.resolvers()) {
        resolvers.add(Map.of("name", a.resolver(), "changes", changes(a.changes())));
      }
      r.put("resolvers", resolvers);
      resources.add(r);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("deliveryConfig", plan.deliveryConfig());
    doc.put("application", config.application());
    doc.put("file", file.toString());
    doc.put("at", sim.scheduler().now().toString());
    doc.put("inSync", plan.inSync());
    doc.put("resources", resources);
    return doc;
  }

  private static List<Object> changes(List<? extends Change> changes) {
    List<Object> list = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("op", c.op().name().toLowerCase());
      m.put("path", c.path());
      m.put("desired", c.sensitive() ? MASK : Json.plain(c.desired()));
      m.put("current", c.sensitive() ? MASK : Json.plain(c.current()));
      list.add(m);
    }
    return list;
  }
}
