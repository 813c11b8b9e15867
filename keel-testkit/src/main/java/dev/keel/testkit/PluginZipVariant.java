package dev.keel.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.annotation.Nullable;

/**
 * Writes a changed copy of a real PF4J plugin zip (one {@link PluginZips#find} returns), so that a test loads a
 * plugin that is broken in one chosen way from disk, as a host would meet it: another plugin id, other
 * {@code plugin.properties} entries, no descriptor at all, another extension index, or an extra resource in its
 * classes. The copy is otherwise byte for byte the built plugin.
 *
 * <p>With keel-test-plugin's zip, its fault classes make the usual bad plugins:
 *
 * <pre>{@code
 * Path testPlugin = PluginZips.find("keel-test-plugin");
 * PluginZipVariant.of(testPlugin).id("hanging").descriptor("plugin.class", HANGING_START_PLUGIN)
 *     .writeTo(plugins.resolve("hanging.zip"));
 * PluginZipVariant.of(testPlugin).id("null-kind").extensions(FAULTY_HANDLER)
 *     .resource(FAULTS, "supportedKind=null\n").writeTo(plugins.resolve("null-kind.zip"));
 * }</pre>
 */
public final class PluginZipVariant {

  /** keel-test-plugin's plugin class whose {@code start()} never returns (until interrupted). */
  public static final String HANGING_START_PLUGIN = "dev.keel.testplugin.HangingStartPlugin";

  /** keel-test-plugin's plugin class whose {@code start()} throws. */
  public static final String FAILING_START_PLUGIN = "dev.keel.testplugin.FailingStartPlugin";

  /**
   * keel-test-plugin's handler whose constructor and {@code supportedKind()} misbehave as the {@link #FAULTS}
   * resource says: {@code constructor=hang}, {@code supportedKind=throw}, {@code null} or a kind to claim.
   */
  public static final String FAULTY_HANDLER = "dev.keel.testplugin.FaultyWidgetHandler";

  /** The resource {@link #FAULTY_HANDLER} reads its faults from, at the root of the plugin's classes. */
  public static final String FAULTS = "keel-test-faults.properties";

  private static final String DESCRIPTOR = "plugin.properties";
  private static final String EXTENSION_INDEX = "classes/META-INF/extensions.idx";

  private final Path source;
  private final Map<String, String> descriptorChanges = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  @Nullable private List<String> extensions;
  private boolean dropDescriptor;

  private PluginZipVariant(Path source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Starts a variant of a plugin zip.
   *
   * @param pluginZip the zip to copy, such as {@code PluginZips.find("keel-test-plugin")}
   * @return the variant, so far an exact copy
   */
  public static PluginZipVariant of(Path pluginZip) {
    return new PluginZipVariant(pluginZip);
  }

  /**
   * Gives the copy another plugin id, so that it loads beside the original.
   *
   * @param pluginId the {@code plugin.id}
   * @return this variant
   */
  public PluginZipVariant id(String pluginId) {
    return descriptor("plugin.id", pluginId);
  }

  /**
   * Sets an entry of the copy's {@code plugin.properties}.
   *
   * @param key such as {@code plugin.class}
   * @param value the new value, or null to remove the entry
   * @return this variant
   */
  public PluginZipVariant descriptor(String key, @Nullable String value) {
    descriptorChanges.put(Objects.requireNonNull(key, "key"), value);
    return this;
  }

  /**
   * Leaves {@code plugin.properties} out, so that the copy has no descriptor; its plugin id is then its file name.
   *
   * @return this variant
   */
  public PluginZipVariant withoutDescriptor() {
    this.dropDescriptor = true;
    return this;
  }

  /**
   * Replaces the copy's extension index, so that it offers only these classes (and claims no name the
   * original's other extensions claim).
   *
   * @param classNames the extension classes, by binary name
   * @return this variant
   */
  public PluginZipVariant extensions(String... classNames) {
    this.extensions = List.of(classNames);
    return this;
  }

  /**
   * Adds a text resource at the root of the copy's classes, such as {@link #FAULTS}.
   *
   * @param name the resource name
   * @param text its content, written as ISO-8859-1 (as properties files are read)
   * @return this variant
   */
  public PluginZipVariant resource(String name, String text) {
    resources.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    return this;
  }

  /**
   * Writes the copy.
   *
   * @param target the zip to write, such as {@code plugins.resolve("hanging.zip")}; replaced if it exists
   * @return {@code target}
   * @throws IOException if the source cannot be read or the target written
   */
  public Path writeTo(Path target) throws IOException {
    List<String> written = new ArrayList<>();
    try (ZipFile in = new ZipFile(source.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.equals(DESCRIPTOR) && dropDescriptor) {
          continue;
        }
        byte[] bytes = readAll(in.getInputStream(entry));
        if (name.equals(DESCRIPTOR)) {
          bytes = changed(bytes);
        } else if (name.equals(EXTENSION_INDEX) && extensions != null) {
          bytes = (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        put(out, name, bytes);
        written.add(name);
      }
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        String name = "classes/" + resource.getKey();
        if (written.contains(name)) {
          throw new IllegalArgumentException(source + " already holds " + name);
        }
        put(out, name, resource.getValue().getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return target;
  }

  private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  private byte[] changed(byte[] descriptor) throws IOException {
    Properties entries = new Properties();
    entries.load(new StringReader(new String(descriptor, StandardCharsets.ISO_8859_1)));
    descriptorChanges.forEach((key, value) -> {
      if (value == null) {
        entries.remove(key);
      } else {
        entries.setProperty(key, value);
      }
    });
    // Written by hand, sorted and without Properties.store's date comment, so that equal variants are equal files.
    StringBuilder text = new StringBuilder();
    new TreeMap<>(entries).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
