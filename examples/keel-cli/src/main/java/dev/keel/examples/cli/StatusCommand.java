package dev.keel.examples.cli;

import dev.keel.spi.model.DeliveryConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keel status --store URL}: the resource statuses and the promotion table of every delivery config stored
 * at URL, as a run left them. The engine is built on the store for the plugins' kinds (the store reads specs back
 * with them) but never started: nothing is checked, actuated or written, and a store that does not exist yet, or
 * whose tables are not this code's, is an error rather than created or migrated.
 */
final class StatusCommand {

  private final Cli cli;

  StatusCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    if (!options.positionals().isEmpty()) {
      throw new UsageException("'keel status' takes no FILE (it reads every config stored at " + StoreOption.FLAG
          + "), got " + String.join(" ", options.positionals()));
    }
    StoreOption store = StoreOption.existing(options);
    boolean json = options.has("--json");
    try (Simulation sim = Simulation.open(cli.plugins(options), cli.pluginStartDeadline(), Scenario.DEFAULT_START,
        cli.err(), store)) {
      List<DeliveryConfig> configs = store.store().deliveryConfigs();
      if (json) {
        List<Object> docs = new ArrayList<>();
        for (DeliveryConfig config : configs) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("name", config.name());
          doc.put("application", config.application());
          doc.put("environments", new FinalState(sim.engine(), config).json());
          docs.add(doc);
        }
        cli.out().println(Json.write(Map.of("configs", docs)));
        return Cli.OK;
      }
      if (configs.isEmpty()) {
        cli.out().println("No delivery config is stored at " + store.url() + ".");
      }
      for (DeliveryConfig config : configs) {
        cli.out().println(config.application() + " (delivery config " + config.name() + ")");
        cli.out().println();
        new FinalState(sim.engine(), config).print(cli.out());
        cli.out().println();
      }
      return Cli.OK;
    }
  }
}
