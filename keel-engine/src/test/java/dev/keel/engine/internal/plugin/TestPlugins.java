package dev.keel.engine.internal.plugin;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.annotation.Nullable;

/**
 * The real plugin zips keel-test-plugin builds (copied by Maven to the directory in the
 * {@code keel.testPlugins} system property), and variants of them written into a test's directory.
 */
final class TestPlugins {

  static final String ID = "keel-test-plugin";
  static final String WIDGET_KIND = "test/widget@v1";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private TestPlugins() {}

  static Path builtZips() {
    String dir = System.getProperty("keel.testPlugins", "target/test-plugins");
    return Path.of(dir);
  }

  /** The plugin zip as built: plugin.properties, classes/ (with META-INF/extensions.idx). */
  static Path pluginZip() {
    return existing(builtZips().resolve("keel-test-plugin-plugin.zip"));
  }

  /** The same plugin with its own copy of keel-spi in lib/. */
  static Path bundledSpiZip() {
    return existing(builtZips().resolve("keel-test-plugin-bundled-spi.zip"));
  }

  private static Path existing(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(zip.toAbsolutePath() + " is missing: run the tests through Maven ("
          + "mvn verify), which builds keel-test-plugin and copies its zips there");
    }
    return zip;
  }

  /** Copies the plugin zip into {@code dir} as {@code fileName}. */
  static Path copy(Path dir, String fileName) throws IOException {
    return Files.copy(pluginZip(), dir.resolve(fileName));
  }

  /**
   * Writes a copy of a zip with {@code plugin.properties} entries replaced (a null value removes one)
   * and the entries {@code drop} matches left out.
   */
  static Path variant(Path source, Path target, Map<String, String> descriptor, Predicate<String> drop)
      throws IOException {
    try (ZipFile in = new ZipFile(source.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (drop.test(entry.getName())) {
          continue;
        }
        byte[] bytes = readAll(in.getInputStream(entry));
        if (entry.getName().equals("plugin.properties")) {
          bytes = rewrite(bytes, descriptor);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return target;
  }

  /**
   * A copy of the plugin zip under another id whose only extension is {@code FaultyWidgetHandler}, with
   * the faults it reads (such as {@code constructor=hang} or {@code supportedKind=throw}).
   */
  static Path faulty(Path dir, String id, String faults) throws IOException {
    return withExtensions(dir, id, Map.of(), "dev.keel.testplugin.FaultyWidgetHandler", faults);
  }

  /**
   * A copy of the plugin zip under another id and {@code plugin.properties} changes whose extension index
   * lists only the given classes (so that it claims no name another copy claims), and, if not null, with
   * the faults {@code FaultyWidgetHandler} reads.
   */
  static Path withExtensions(Path dir, String id, Map<String, String> descriptor, String extensions,
      @Nullable String faults) throws IOException {
    Path plain = variant(dir, id, descriptor);
    Path target = dir.resolve(id + ".tmp");
    try (ZipFile in = new ZipFile(plain.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes = readAll(in.getInputStream(entry));
        if (entry.getName().equals("classes/" + KeelPluginClassLoader.EXTENSION_INDEX)) {
          bytes = (extensions.replace(',', '\n') + "\n").getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
      if (faults != null) {
        out.putNextEntry(new ZipEntry("classes/keel-test-faults.properties"));
        out.write(faults.getBytes(StandardCharsets.ISO_8859_1));
        out.closeEntry();
      }
    }
    return Files.move(target, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The resolver's class, for {@link #withExtensions}: it claims no name. */
  static final String RESOLVER = "dev.keel.testplugin.WidgetColourResolver";

  /** A copy of the plugin zip under another id and {@code plugin.properties} changes. */
  static Path variant(Path dir, String id, Map<String, String> descriptor) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(descriptor);
    all.put("plugin.id", id);
    return variant(pluginZip(), dir.resolve(id + ".zip"), all, name -> false);
  }

  /** The plugin as a jar: its classes at the root and its descriptor as MANIFEST.MF Plugin-* entries. */
  static Path asJar(Path dir, String id) throws IOException {
    Properties descriptor = new Properties();
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path jar = dir.resolve(id + ".jar");
    try (ZipFile in = new ZipFile(pluginZip().toFile())) {
      descriptor.load(in.getInputStream(in.getEntry("plugin.properties")));
      main.putValue("Plugin-Id", id);
      main.putValue("Plugin-Version", descriptor.getProperty("plugin.version"));
      main.putValue("Plugin-Class", descriptor.getProperty("plugin.class"));
      main.putValue("Plugin-Requires", descriptor.getProperty("plugin.requires"));
      main.putValue("Plugin-Provider", descriptor.getProperty("plugin.provider"));
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
        Enumeration<? extends ZipEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          String name = entry.getName();
          if (!name.startsWith("classes/") || entry.isDirectory()) {
            continue;
          }
          out.putNextEntry(new ZipEntry(name.substring("classes/".length())));
          out.write(readAll(in.getInputStream(entry)));
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  /** The first half of the real zip: its central directory is gone, as after an interrupted copy. */
  static Path truncated(Path dir, String fileName) throws IOException {
    byte[] bytes = Files.readAllBytes(pluginZip());
    byte[] half = new byte[bytes.length / 2];
    System.arraycopy(bytes, 0, half, 0, half.length);
    return Files.write(dir.resolve(fileName), half);
  }

  static String entryText(Path zip, String name) throws IOException {
    try (ZipFile in = new ZipFile(zip.toFile())) {
      ZipEntry entry = in.getEntry(name);
      return entry == null ? null : new String(readAll(in.getInputStream(entry)), StandardCharsets.UTF_8);
    }
  }

  private static byte[] rewrite(byte[] properties, Map<String, String> changes) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(new String(properties, StandardCharsets.ISO_8859_1)));
    changes.forEach((k, v) -> {
      if (v == null) {
        p.remove(k);
      } else {
        p.setProperty(k, v);
      }
    });
    StringWriter text = new StringWriter();
    for (Map.Entry<Object, Object> e : new TreeMap<>(p).entrySet()) {
      text.write(e.getKey() + "=" + e.getValue() + "\n");
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** A context with a fixed clock and a configuration. */
  record TestContext(String pluginId, Map<String, Object> config) implements KeelContext {
    TestContext(String pluginId) {
      this(pluginId, Map.of());
    }

    @Override
    public Clock clock() {
      return CLOCK;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public ArtifactView artifacts() {
      return ArtifactView.empty();
    }

    @Override
    public void publish(PluginEvent event) {
      throw new UnsupportedOperationException("tests publish nothing");
    }
  }
}
