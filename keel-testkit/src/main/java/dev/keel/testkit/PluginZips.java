package dev.keel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the plugin zips a build copied for its tests, so that a test loads a plugin from disk, in its own class
 * loader, as a host does. The directory is the {@value #DIRECTORY_PROPERTY} system property (set it in
 * surefire's {@code systemPropertyVariables}), else {@code target/test-plugins}; copy the zips there with
 * maven-dependency-plugin's {@code copy-dependencies}, as keel-handlers-ec2-it does.
 */
public final class PluginZips {

  /** The system property naming the directory of plugin zips: {@value}. */
  public static final String DIRECTORY_PROPERTY = "keel.testPlugins";

  /**
   * The plugin configuration that runs the SDK's cloud plugins, {@code dev.keel.ec2} and {@code dev.keel.titus},
   * on the simulated clouds of their simulator plugins ({@code keel-ec2-sim}, {@code keel-titus-sim}): each is
   * configured with {@code simulated: true}. Give it to {@code EngineConfig.builder().pluginConfigs(...)}.
   *
   * @return plugin id to settings
   */
  public static Map<String, Map<String, Object>> simulatedClouds() {
    return Map.of("dev.keel.ec2", Map.of("simulated", true), "dev.keel.titus", Map.of("simulated", true));
  }

  private PluginZips() {}

  /**
   * The plugin zip of a Maven artifact, such as {@code keel-handlers-ec2}: a file named
   * {@code <artifactId>-[<version>-]plugin.zip}.
   *
   * @param artifactId the artifact that builds the zip
   * @return its path
   * @throws IllegalStateException if the directory holds no such zip, saying where it looked
   */
  public static Path find(String artifactId) {
    Path dir = Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/test-plugins"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("No plugin directory " + dir + ": build with mvn verify");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(artifactId + "-") && name.endsWith("-plugin.zip");
      }).findFirst().orElseThrow(() -> new IllegalStateException("No " + artifactId + " plugin zip in " + dir
          + ": build with mvn verify"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /**
   * The directories a plugin zip of this name is expanded into while an engine (or a {@code PluginLoader})
   * that loaded it is open: {@code <name>-*} inside a {@code keel-plugins-*} work directory of
   * {@code java.io.tmpdir}, of any loader of any process. Give the zip a name no other test uses, and after
   * the engine is closed this is empty.
   *
   * @param zipBaseName the zip's file name without {@code .zip}
   * @return the expansions found now
   * @throws UncheckedIOException if the temp directory cannot be listed
   */
  public static List<Path> expansionsOf(String zipBaseName) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> workDirs = Files.list(tmp)) {
      return workDirs.filter(d -> d.getFileName().toString().startsWith("keel-plugins-") && Files.isDirectory(d))
          .flatMap(d -> {
            try (Stream<Path> inside = Files.list(d)) {
              return inside.filter(p -> p.getFileName().toString().startsWith(zipBaseName + "-")).toList().stream();
            } catch (IOException e) {
              return Stream.empty(); // its loader closed and removed it meanwhile
            }
          })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + tmp, e);
    }
  }
}
