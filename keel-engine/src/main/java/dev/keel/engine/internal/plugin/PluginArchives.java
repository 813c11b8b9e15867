package dev.keel.engine.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds plugins in a plugins root and expands zips. Unlike PF4J, zips are expanded into a directory of
 * the loader's own rather than next to the zip (the plugins root may be read-only), an unreadable zip is
 * an error rather than a log line, and entries that would land outside the target are rejected. A
 * Spinnaker (kork) plugin bundle, a zip holding one {@code <service>.zip} per service, is read as its
 * {@value #OWN_SERVICE_ZIP}, else its {@value #KEEL_ZIP}; a zip holding no zip at its root is a plain plugin.
 */
final class PluginArchives {

  /** Upper bounds against zip bombs: far above any real plugin. */
  static final long MAX_EXPANDED_BYTES = 1L << 30;
  static final int MAX_ENTRIES = 100_000;

  /** The inner zip of a bundle meant for this engine. */
  static final String OWN_SERVICE_ZIP = "keel-sdk.zip";

  /** The inner zip of a bundle meant for Spinnaker's Keel, which this engine also loads. */
  static final String KEEL_ZIP = "keel.zip";

  private PluginArchives() {}

  /** A plugin found in the plugins root. */
  enum Kind { ZIP, JAR, DIRECTORY }

  /**
   * The plugins in a root, by file name: {@code *.zip}, {@code *.jar} and directories, leaving out hidden
   * entries.
   */
  static List<Path> candidates(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && kind(entry) != null) {
          found.add(entry);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** What a path holds, or null if it is no plugin. */
  static Kind kind(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      return Kind.DIRECTORY;
    }
    if (Files.isRegularFile(path) && name.endsWith(".zip")) {
      return Kind.ZIP;
    }
    if (Files.isRegularFile(path) && name.endsWith(".jar")) {
      return Kind.JAR;
    }
    return null;
  }

  /** A file name without its extension, the id a plugin is reported under until its descriptor is read. */
  static String baseName(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && !Files.isDirectory(path) ? name.substring(0, dot) : name;
  }

  /**
   * Expands a plugin zip, or the part of a plugin bundle meant for this engine, into a new directory under
   * {@code workDir}.
   *
   * @return the directory
   * @throws IOException with a reason, if the zip cannot be read, holds entries outside itself, or is a bundle
   *     for other services only
   */
  static Path expand(Path zip, Path workDir) throws IOException {
    Path target = expandZip(zip, workDir);
    List<String> services = bundledServices(target);
    if (services.isEmpty()) {
      return target;
    }
    try {
      String chosen = services.contains(OWN_SERVICE_ZIP) ? OWN_SERVICE_ZIP
          : services.contains(KEEL_ZIP) ? KEEL_ZIP : null;
      if (chosen == null) {
        throw new IOException("it is a plugin bundle without " + KEEL_ZIP + " or " + OWN_SERVICE_ZIP + " (it holds "
            + services + "): a plugin for other services");
      }
      return expandZip(target.resolve(chosen), workDir);
    } finally {
      deleteQuietly(target);
    }
  }

  /** The service zips at the root of an expanded zip with no plugin descriptor there: a bundle's. */
  private static List<String> bundledServices(Path expanded) throws IOException {
    List<String> zips = new ArrayList<>();
    if (Files.exists(expanded.resolve("plugin.properties"))) {
      return zips;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(expanded)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (Files.isRegularFile(entry) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          zips.add(name);
        }
      }
    }
    zips.sort(null);
    return zips;
  }

  private static Path expandZip(Path zip, Path workDir) throws IOException {
    Path target = Files.createTempDirectory(workDir, baseName(zip) + "-");
    long bytes = 0;
    int count = 0;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new IOException("it holds more than " + MAX_ENTRIES + " entries");
        }
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("its entry '" + entry.getName() + "' points outside the plugin");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
          byte[] buffer = new byte[8192];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes += n;
            if (bytes > MAX_EXPANDED_BYTES) {
              throw new IOException("it expands to more than " + (MAX_EXPANDED_BYTES >> 20) + " MiB");
            }
            os.write(buffer, 0, n);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(target);
      throw e;
    }
    return target;
  }

  /** Deletes a directory tree, ignoring what cannot be deleted (say, a jar still open on Windows). */
  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          tryDelete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) {
          tryDelete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }

  private static void tryDelete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort
    }
  }
}
