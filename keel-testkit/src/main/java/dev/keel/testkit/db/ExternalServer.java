package dev.keel.testkit.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A server named by the environment ({@code KEEL_TEST_POSTGRES_URL}, {@code KEEL_TEST_MYSQL_URL}): its URL, with
 * the credentials, must allow creating databases. Each test gets a database of its own, named after this JVM,
 * dropped again at exit.
 */
final class ExternalServer implements DatabaseServer {

  private final String adminUrl;
  private final boolean mysql;
  private final String prefix;
  private final List<String> created = new ArrayList<>();

  ExternalServer(String adminUrl, boolean mysql) {
    this.adminUrl = adminUrl;
    this.mysql = mysql;
    this.prefix = "keel_test_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36) + "_";
  }

  @Override
  public synchronized TestDatabase newDatabase() {
    String name = prefix + (created.size() + 1);
    DatabaseServer.execute(adminUrl, "create the test database " + name, "CREATE DATABASE " + name
        + (mysql ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : ""));
    created.add(name);
    return new TestDatabase(name, withDatabase(adminUrl, name), null, null);
  }

  @Override
  public synchronized void stop() {
    for (String name : created) {
      try {
        DatabaseServer.execute(adminUrl, "drop the test database " + name, "DROP DATABASE IF EXISTS " + name);
      } catch (TestDatabaseException e) {
        // Still open somewhere; a throwaway name, left behind.
      }
    }
  }

  /**
   * A JDBC URL with another database: {@code jdbc:postgresql://host:5432/postgres?user=u} becomes
   * {@code jdbc:postgresql://host:5432/<database>?user=u}.
   */
  static String withDatabase(String url, String database) {
    int hosts = url.indexOf("//");
    if (hosts < 0) {
      throw new TestDatabaseException("Expected a JDBC URL of the form jdbc:<driver>://host:port/database?options, got "
          + DatabaseServer.redacted(url));
    }
    int path = url.indexOf('/', hosts + 2);
    int options = firstOf(url, hosts + 2, '?', ';');
    if (path < 0 || (options >= 0 && path > options)) {
      return options < 0 ? url + "/" + database : url.substring(0, options) + "/" + database + url.substring(options);
    }
    int end = firstOf(url, path, '?', ';');
    return url.substring(0, path + 1) + database + (end < 0 ? "" : url.substring(end));
  }

  private static int firstOf(String s, int from, char a, char b) {
    int i = s.indexOf(a, from);
    int j = s.indexOf(b, from);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
