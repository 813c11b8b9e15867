package dev.keel.spring.it;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.Attributed;
import dev.keel.engine.event.KeelEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Who the engine's history and the application's database say made a write. */
final class WhoDidIt {

  private WhoDidIt() {}

  /**
   * Who made each event of a type in a resource's history (with its application's events), newest first.
   *
   * @param engine the engine
   * @param resourceId the resource
   * @param type an event type that records who acted
   * @return the users
   */
  static <E extends KeelEvent & Attributed> List<String> of(KeelEngine engine, String resourceId, Class<E> type) {
    return engine.history(resourceId).stream().filter(type::isInstance).map(type::cast).map(Attributed::by).toList();
  }

  /**
   * The rows of one of Keel's tables in the application's database.
   *
   * @param host the running application
   * @param table the table's name without the {@code keel_} prefix, such as {@code pin}
   * @return its rows, as {@link RunningHost#storeRows()} gives them
   */
  static List<String> rowsOf(RunningHost host, String table) {
    String name = "keel_" + table;
    for (Map.Entry<String, List<String>> e : host.storeRows().entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return e.getValue();
      }
    }
    throw new AssertionError("No table " + name + " among " + host.storeRows().keySet());
  }
}
