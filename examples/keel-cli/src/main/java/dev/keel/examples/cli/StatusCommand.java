package dev.keel.examples.cli;

import dev.keel.engine.store.StoredStatus;
import dev.keel.store.jdbc.JdbcKeelStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keel status --store URL}: the resource statuses and the promotion table of every delivery config stored
 * at URL, as a run left them. It reads the store's status view, which decodes no resource spec: no plugin is loaded,
 * no engine is built, nothing is checked, actuated or written, and a store that does not exist yet, or whose tables
 * are missing or not this code's, is an error rather than created or migrated.
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
    List<StoredStatus> configs;
    try (JdbcKeelStore opened = store.openToRead()) {
      configs = read(opened, store);
    }
    if (json) {
      List<Object> docs = new ArrayList<>();
      for (StoredStatus config : configs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", config.name());
        doc.put("application", config.application());
        doc.put("environments", new FinalState(config).json());
        docs.add(doc);
      }
      cli.out().println(Json.write(Map.of("configs", docs)));
      return Cli.OK;
    }
    if (configs.isEmpty()) {
      cli.out().println("No delivery config is stored at " + store.url() + ".");
    }
    for (StoredStatus config : configs) {
      cli.out().println(config.application() + " (delivery config " + config.name() + ")");
      cli.out().println();
      new FinalState(config).print(cli.out());
      cli.out().println();
    }
    return Cli.OK;
  }

  private static List<StoredStatus> read(JdbcKeelStore opened, StoreOption store) {
    try {
      return opened.storedStatuses();
    } catch (RuntimeException e) {
      throw new CliException("keel: cannot read the store at " + store.url() + ": " + e.getMessage());
    }
  }
}
