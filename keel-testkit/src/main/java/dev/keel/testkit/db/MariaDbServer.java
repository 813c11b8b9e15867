package dev.keel.testkit.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway MariaDB server: {@code mariadb-install-db} (root without a password, no test database) and
 * {@code mariadbd} on 127.0.0.1, its socket in the temporary directory (a socket path must be short), without
 * TLS (generating its certificate costs seconds) and without durable flushes.
 */
final class MariaDbServer extends LocalServer {

  private final Path data;
  private final Path tmp;

  private MariaDbServer(Path dist, Path run) {
    super(dist, run);
    this.data = ownedDirectory("data");
    this.tmp = ownedDirectory("tmp");
  }

  static MariaDbServer start(Path base) {
    MariaDbServer server = new MariaDbServer(Binaries.mariadb(base.resolve("dist")), runDirectory(base, "mariadb"));
    server.runCommand("mariadb-install-db", List.of(server.dist.resolve("scripts/mariadb-install-db").toString(),
        "--no-defaults", "--basedir=" + server.dist, "--datadir=" + server.data,
        "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
    server.startOnFreePort();
    return server;
  }

  @Override
  String kind() {
    return "MariaDB";
  }

  @Override
  ServerProcess launch(int port) {
    Path socket = Path.of(System.getProperty("java.io.tmpdir"), "keel-mariadb-" + ProcessHandle.current().pid() + "-"
        + port + ".sock");
    return ServerProcess.start("mariadbd", List.of(dist.resolve("bin/mariadbd").toString(), "--no-defaults",
        "--basedir=" + dist, "--datadir=" + data, "--tmpdir=" + tmp, "--port=" + port, "--bind-address=127.0.0.1",
        "--socket=" + socket, "--pid-file=" + data.resolve("mariadbd.pid"), "--lc-messages-dir=" + dist.resolve("share"),
        "--skip-name-resolve", "--skip-ssl", "--max-connections=300", "--innodb-buffer-pool-size=64M",
        "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin",
        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin"), account, run.resolve("mariadbd.log"),
        "ready for connections", START_TIMEOUT);
  }

  @Override
  String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root";
  }

  @Override
  String adminUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
  }

  @Override
  String[] createDatabase(String database) {
    return new String[] {"CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"};
  }

  @Override
  public void stop() {
    if (process != null && process.isAlive()) {
      process.terminate();
      process.awaitStop(Duration.ofSeconds(10));
    }
    deleteRun();
  }
}
