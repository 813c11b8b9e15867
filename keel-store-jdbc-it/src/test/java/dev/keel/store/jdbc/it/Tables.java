package dev.keel.store.jdbc.it;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Every row of every table of a store, read straight from the database, to compare before and after. */
final class Tables {

  private Tables() {}

  /**
   * The rows of each table whose name starts with the prefix, each row as text, sorted.
   *
   * @param ds the database
   * @param prefix the store's table prefix
   * @return rows by table name
   */
  static Map<String, List<String>> snapshot(DataSource ds, String prefix) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = meta.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            names.add(name);
          }
        }
      }
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              row.append(columns.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        tables.put(table.toLowerCase(Locale.ROOT), rows);
      }
    }
    return tables;
  }
}
