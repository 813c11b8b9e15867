package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.config.KindRegistry;
import dev.keel.testkit.FakeSpec;
import dev.keel.testkit.db.TestDatabase;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Stores and databases for the tests: pools on test databases, and fresh stores on them. */
final class TestStores {

  private TestStores() {}

  /** The kinds the tests' configs use. */
  static KindRegistry kinds() {
    return KindRegistry.builder().kind(FakeSpec.SUPPORTED, "keel-testkit").build();
  }

  /** A builder on a data source with the tests' kinds, on the engine's clock (the contract's explicit times). */
  static JdbcKeelStoreBuilder builder(DataSource ds) {
    return JdbcKeelStore.builder().dataSource(ds).kinds(kinds()).clockSource(ClockSource.ENGINE);
  }

  static HikariDataSource pool(String url, int size) {
    return HikariPools.create(url, null, null, size);
  }

  static HikariDataSource pool(TestDatabase db, int size) {
    return HikariPools.create(db.url(), db.user(), db.password(), size);
  }

  static HikariDataSource h2Memory(String name) {
    return pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", 10);
  }

  /** A store whose tables (under the default prefix) are emptied first. */
  static JdbcKeelStore fresh(DataSource ds) {
    JdbcKeelStore store = builder(ds).build();
    wipe(ds, new Tables(store.tablePrefix()));
    return store;
  }

  /** Every table of the store's under a prefix, the schema history left out. */
  static List<String> tables(Tables t) {
    List<String> names = new ArrayList<>();
    for (Method m : Tables.class.getDeclaredMethods()) {
      if (m.getParameterCount() == 0 && m.getReturnType() == String.class && !m.getName().equals("prefix")
          && !m.getName().equals("schemaHistory") && !m.getName().equals("toString")) {
        try {
          names.add((String) m.invoke(t));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  static void wipe(DataSource ds, Tables t) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String table : tables(t)) {
        s.execute("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not empty the store's tables: " + e.getMessage(), e);
    }
  }
}
