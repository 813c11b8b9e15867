package dev.keel.korkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Lays out a kork service's plugins root from the zips the reactor built. */
final class PluginsRoot {

  /**
   * A plugin zip for another service, inside a bundle: a descriptor kork would refuse (an id without a namespace),
   * so the service fails if kork ever reads it.
   */
  static final String ORCA_ZIP = "orca.zip";

  private PluginsRoot() {}

  /** The zips the build copied for the tests ({@code keel.testPlugins}). */
  static Path builtZip(KeelPlugin plugin) {
    Path zip = Path.of(System.getProperty("keel.testPlugins", "target/test-plugins")).resolve(plugin.zip());
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(zip + " is missing: run the module's build (mvn verify), which copies the zips");
    }
    return zip;
  }

  /**
   * Copies a plugin's zip into the root as it is.
   *
   * @return the copy
   */
  static Path copyPlain(Path root, KeelPlugin plugin) throws IOException {
    return Files.copy(builtZip(plugin), root.resolve(plugin.zip()));
  }

  /**
   * Writes a kork plugin bundle for the plugin: a zip holding its zip as {@code keel.zip}, beside an
   * {@value #ORCA_ZIP} meant for another service, as Spinnaker's Gradle {@code releaseBundle} lays one out.
   *
   * @return the bundle, named {@code <id>-bundle.zip}
   */
  static Path writeBundle(Path root, KeelPlugin plugin) throws IOException {
    Path bundle = root.resolve(plugin.id() + "-bundle.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bundle))) {
      out.putNextEntry(new ZipEntry(KeelService.NAME + ".zip"));
      Files.copy(builtZip(plugin), out);
      out.closeEntry();
      out.putNextEntry(new ZipEntry(ORCA_ZIP));
      writeOrcaZip(out);
      out.closeEntry();
    }
    return bundle;
  }

  private static void writeOrcaZip(OutputStream target) throws IOException {
    ZipOutputStream inner = new ZipOutputStream(target);
    inner.putNextEntry(new ZipEntry("plugin.properties"));
    inner.write("plugin.id=not-for-keel\nplugin.version=1.0.0\nplugin.requires=orca>=0.0.0\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    inner.closeEntry();
    inner.finish(); // not close(): that would close the bundle's stream too
  }
}
