package dev.keel.engine.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The engine's version, written into {@code keel-engine.properties} by the build. */
final class EngineVersion {

  static final String RESOURCE = "/dev/keel/engine/keel-engine.properties";
  private static final String SNAPSHOT = "-SNAPSHOT";

  private EngineVersion() {}

  /** The build's version, such as {@code 0.1.0-SNAPSHOT}. */
  static String build() {
    Properties properties = new Properties();
    try (InputStream in = EngineVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The engine's version resource " + RESOURCE + " is missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the engine's version from " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "").trim();
    if (version.isEmpty() || version.contains("${")) {
      throw new IllegalStateException("The engine's version resource " + RESOURCE + " holds no version: '" + version
          + "' (was it filtered by the build?)");
    }
    return version;
  }

  /**
   * The version plugins are checked against: the build's version without {@code -SNAPSHOT}, so that a
   * development build of 0.1.0 loads plugins that require 0.1.0.
   */
  static String system() {
    String version = build();
    return version.endsWith(SNAPSHOT) ? version.substring(0, version.length() - SNAPSHOT.length()) : version;
  }
}
