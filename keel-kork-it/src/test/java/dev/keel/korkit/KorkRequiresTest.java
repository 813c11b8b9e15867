package dev.keel.korkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.spinnaker.kork.plugins.SpinnakerServiceVersionManager;
import com.netflix.spinnaker.kork.version.ServiceVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How kork reads each zip's {@code Plugin-Requires} ({@code keel>=0.1.0}): for the service named {@code keel} only, at
 * the version the service reports. A Keel whose jar carries no version runs as {@code 0.0.0}, kork's default, and
 * leaves our plugins disabled.
 */
class KorkRequiresTest {

  static Stream<KeelPlugin> plugins() {
    return KeelPlugin.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void korkAcceptsThePluginOnlyOnAKeelServiceOfAKnownVersion(KeelPlugin plugin) throws IOException {
    String requires = descriptor(plugin).getProperty("plugin.requires");

    assertThat(new SpinnakerServiceVersionManager(KeelService.NAME).checkVersionConstraint(KeelService.VERSION, requires))
        .isTrue();
    assertThat(new SpinnakerServiceVersionManager("KEEL").checkVersionConstraint(KeelService.VERSION, requires))
        .as("service names match ignoring case").isTrue();
    assertThat(new SpinnakerServiceVersionManager(KeelService.NAME)
        .checkVersionConstraint(ServiceVersion.DEFAULT_VERSION, requires))
        .as("a service of unknown version is %s to kork", ServiceVersion.DEFAULT_VERSION).isFalse();
    assertThat(new SpinnakerServiceVersionManager("orca").checkVersionConstraint(KeelService.VERSION, requires))
        .as("no entry for the service means no").isFalse();
  }

  private static Properties descriptor(KeelPlugin plugin) throws IOException {
    try (ZipFile zip = new ZipFile(PluginsRoot.builtZip(plugin).toFile());
        InputStream in = zip.getInputStream(zip.getEntry("plugin.properties"))) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    }
  }
}
