package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel status --store URL} runs nothing: it reads the store's status view without a plugin, builds no engine,
 * writes nothing, and refuses a database without Keel's tables in one line rather than creating them.
 */
class StatusCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FNORD = CliRunner.example("configs/fnord.yml");

  @Test
  void statusShowsAStoredRunWithNoPluginToLoad(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("keel");
    CliRunner.Result run = CliRunner.run("run", FNORD, "--store", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path noPlugins = Files.createDirectory(dir.resolve("no-plugins"));

    CliRunner.Result status = CliRunner.runWithPlugins(noPlugins, "status", "--store", url);

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.err()).doesNotContain("plugin");
    assertThat(status.out().lines().filter(l -> l.endsWith(" HAPPY")).count()).isEqualTo(9);
    assertThat(status.out().lines().filter(l -> l.contains(" ec2/security-group@v1 ")).count()).isPositive();
    assertThat(status.out().lines().filter(l -> l.matches("(test|staging|production) +fnord-api +1\\.0\\.0\\b.*")))
        .hasSize(3);
  }

  @Test
  void statusPrintsWhatTheRunPrintedAndWritesNothing(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("keel");
    CliRunner.Result run = CliRunner.run("run", FNORD, "--store", url, "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, List<String>> before = rows(url);

    CliRunner.Result status = CliRunner.runWithPlugins(dir, "status", "--store", url, "--json");

    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode ran = JSON.readTree(run.out()).get("environments");
    JsonNode stored = JSON.readTree(status.out()).get("configs").get(0).get("environments");
    assertThat(stored).isEqualTo(ran);
    assertThat(rows(url)).isEqualTo(before);
  }

  @Test
  void aDatabaseWithoutKeelsTablesIsOneLineAndExitOneAndStaysWithoutThem(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("other");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
    }

    CliRunner.Result status = CliRunner.run("status", "--store", url);

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.err().lines().toList()).singleElement().asString()
        .startsWith("keel: cannot open the store at " + url + ": There are no Keel tables under the prefix 'keel_'")
        .contains("'keel run FILE --store URL' creates a store");
    assertThat(rows(url).keySet()).containsExactly("ORDERS");
  }

  /** Every row of every table of the database's public schema, by table. */
  private static Map<String, List<String>> rows(String url) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE")) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        List<String> content = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(rs.getString(i)).append('|');
            }
            content.add(row.toString());
          }
        }
        content.sort(null);
        rows.put(table, content);
      }
    }
    return rows;
  }
}
