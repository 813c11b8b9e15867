package dev.keel.titus.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testkit.PluginZips;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the built plugin zips hold, as {@code unzip -l} would list them (and the jars in their {@code lib/}):
 * production zips carry no simulator and none of the host-provided APIs, and every descriptor is one a
 * Spinnaker (kork) service accepts as well as this engine.
 */
class PluginZipContentsTest {

  /** kork's CanonicalPluginId: a namespace, a dot, an id. */
  private static final Pattern CANONICAL_ID = Pattern.compile("^(?<namespace>[\\w\\-.])+\\.(?<id>[\\w\\-]+)$");

  /** kork's VersionRequirementsParser, one entry of Plugin-Requires. */
  private static final Pattern REQUIREMENT =
      Pattern.compile("^(?<service>[\\w\\-]+)(?<constraint>.*[><=]{1,2}[0-9]+\\.[0-9]+\\.[0-9]+.*)$");

  private static final List<String> PRODUCTION = List.of("keel-handlers-ec2", "keel-handlers-titus", "keel-resolvers");
  private static final List<String> SIMULATORS = List.of("keel-ec2-sim", "keel-titus-sim");

  @Test
  void productionZipsHoldNoSimulatorClass() throws IOException {
    for (String artifact : PRODUCTION) {
      List<String> entries = entries(PluginZips.find(artifact));
      assertThat(entries).as(artifact).isNotEmpty()
          .noneMatch(e -> e.contains("/sim/") || e.contains("Simulat") || e.startsWith("lib/keel-sim-support"));
    }
  }

  @Test
  void productionZipsBundleNeitherTheSpiNorThePortApisTheHostProvides() throws IOException {
    for (String artifact : PRODUCTION) {
      assertThat(entries(PluginZips.find(artifact))).as(artifact)
          .noneMatch(e -> e.contains("dev/keel/spi/") || e.matches(".*dev/keel/[\\w-]+/api/.*")
              || e.matches("lib/keel-(spi|[\\w-]+-api)-.*\\.jar") || e.contains("org/pf4j/"));
    }
  }

  @Test
  void simulatorZipsHoldNoneOfTheProductionPluginsClasses() throws IOException {
    for (String artifact : SIMULATORS) {
      assertThat(entries(PluginZips.find(artifact))).as(artifact)
          .anyMatch(e -> e.contains("/sim/"))
          .noneMatch(e -> e.contains("/handler/") || e.startsWith("lib/keel-handlers-support")
              || e.matches(".*dev/keel/[\\w-]+/api/.*"));
    }
  }

  @Test
  void everyDescriptorHasADottedIdAndRequiresKeel() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String artifact : concat(PRODUCTION, SIMULATORS)) {
      Properties descriptor = descriptor(PluginZips.find(artifact));
      String id = descriptor.getProperty("plugin.id");
      assertThat(id).as(artifact).matches(CANONICAL_ID).startsWith("dev.keel.");
      ids.add(id);
      List<String> services = new ArrayList<>();
      for (String entry : descriptor.getProperty("plugin.requires").split(",")) {
        Matcher m = REQUIREMENT.matcher(entry.trim());
        assertThat(m.matches()).as("%s requires entry '%s'", artifact, entry).isTrue();
        services.add(m.group("service"));
      }
      assertThat(services).as(artifact).contains("keel");
    }
    assertThat(ids).containsExactly("dev.keel.ec2", "dev.keel.titus", "dev.keel.resolvers", "dev.keel.ec2-sim",
        "dev.keel.titus-sim");
  }

  @Test
  void productionDescriptorsNameTheirFormerIds() throws IOException {
    assertThat(descriptor(PluginZips.find("keel-handlers-ec2")).getProperty("plugin.aliases")).isEqualTo("keel-ec2");
    assertThat(descriptor(PluginZips.find("keel-handlers-titus")).getProperty("plugin.aliases"))
        .isEqualTo("keel-titus");
    assertThat(descriptor(PluginZips.find("keel-resolvers")).getProperty("plugin.aliases"))
        .isEqualTo("keel-resolvers");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Properties descriptor(Path zip) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry("plugin.properties"))) {
      Properties p = new Properties();
      p.load(in);
      return p;
    }
  }

  /** The zip's files, and those of every jar in its lib/ as {@code lib/<jar>!<entry>}; no directories. */
  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        names.add(entry.getName());
        if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
          byte[] jar = file.getInputStream(entry).readAllBytes();
          try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry inner = in.getNextEntry(); inner != null; inner = in.getNextEntry()) {
              if (!inner.isDirectory()) {
                names.add(entry.getName() + "!" + inner.getName());
              }
            }
          }
        }
      }
    }
    return names;
  }
}
