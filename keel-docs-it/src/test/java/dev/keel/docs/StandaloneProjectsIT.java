package dev.keel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone projects of docs/plugins.md and docs/embedding.md, written from the guides' code blocks into
 * empty directories and built with Maven as a reader would, outside the reactor: the plugin project with
 * {@code mvn install}, then the host project with {@code mvn verify}, whose own test runs the host on the
 * simulated clouds of the simulator zips its documented {@code dependency:copy} step copied. The dev.keel artifacts come
 * from a private repository (invoker:install put them there), everything else from the build's local
 * repository read as a remote one (docs-settings.xml), so nothing leaks into it.
 */
class StandaloneProjectsIT {

  private static final Path ROOT = Path.of(System.getProperty("keel.root", ".."));
  private static final Path PROJECTS = Path.of(System.getProperty("keel.docProjects", "target/it"));
  private static final Path REPOSITORY = Path.of(System.getProperty("keel.docRepository", "target/local-repo"));
  private static final Path BUILD_REPOSITORY = Path.of(System.getProperty("keel.buildRepository",
      System.getProperty("user.home") + "/.m2/repository"));
  private static final Path PLUGIN = PROJECTS.resolve("plugin");
  private static final Path HOST = PROJECTS.resolve("host");

  private static int pluginExit;
  private static int hostExit;

  @BeforeAll
  static void buildTheProjectsOfTheGuides() throws IOException, InterruptedException {
    DocProject.read(ROOT.resolve("docs/plugins.md")).writeTo(PLUGIN);
    DocProject.read(ROOT.resolve("docs/embedding.md")).writeTo(HOST);
    Path settings = PROJECTS.resolve("settings.xml");
    try (InputStream in = StandaloneProjectsIT.class.getResourceAsStream("/docs-settings.xml")) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(settings, template.replace("@localRepositoryUrl@", BUILD_REPOSITORY.toUri().toString()));
    }
    pluginExit = maven(PLUGIN, settings, "install");
    hostExit = pluginExit == 0 ? maven(HOST, settings, "verify") : -1;
  }

  /** Runs the Maven that runs this build in a project directory, its output in the project's build.log. */
  private static int maven(Path project, Path settings, String goal) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("maven.home", "/usr/share/maven"));
    // Its own .mvn, so that Maven takes the project for a root and not this repository, whose .mvn is above it.
    Files.createDirectories(project.resolve(".mvn"));
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/mvn").toString(), "-B", "-s",
        settings.toAbsolutePath().toString(), "-Dmaven.repo.local=" + REPOSITORY.toAbsolutePath()));
    if (System.getProperty("keel.offline", "").equals("offline=true")) {
      // Offline like this build, but still reading the build's local repository through its file: URL.
      command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
    }
    command.add(goal);
    Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(project.resolve("build.log").toFile()).start();
    // A bound for a hung build, far above the minute or so the two builds take.
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return -2;
    }
    return process.exitValue();
  }

  private static String log(Path project) {
    try {
      return Files.readString(project.resolve("build.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String entry(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    assertThat(entry).as("%s in %s", name, zip.getName()).isNotNull();
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void thePluginProjectBuildsAsWrittenAndInstallsAPf4jZipIndexingItsResolver() throws IOException {
    assertThat(pluginExit).as("mvn install of docs/plugins.md's project; its log:%n%s", log(PLUGIN)).isZero();
    Path zip = REPOSITORY.resolve("com/example/owner-tag-plugin/1.0.0/owner-tag-plugin-1.0.0-plugin.zip");
    try (ZipFile plugin = new ZipFile(zip.toFile())) {
      assertThat(entry(plugin, "plugin.properties")).contains("plugin.id=com.example.owner-tag",
          "plugin.class=com.example.owner.OwnerTagPlugin", "plugin.version=1.0.0", "plugin.requires=keel>=0.1.0");
      assertThat(entry(plugin, "classes/META-INF/extensions.idx")).contains("com.example.owner.OwnerTagResolver");
      assertThat(plugin.getEntry("classes/com/example/owner/OwnerTagResolver.class")).isNotNull();
      assertThat(plugin.getEntry("classes/com/example/owner/OwnerTagPlugin.class")).isNotNull();
    }
  }

  @Test
  void theHostProjectCopiesTheDocumentedZipsAndItsTestSeesEveryResourceHappyWithThePluginsResolver()
      throws IOException {
    assertThat(hostExit).as("mvn verify of docs/embedding.md's project; its log:%n%s", log(HOST)).isZero();
    try (Stream<Path> zips = Files.list(HOST.resolve("target/plugins"))) {
      assertThat(zips.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keel-ec2.zip",
          "keel-titus.zip", "keel-ec2-sim.zip", "keel-titus-sim.zip", "keel-resolvers.zip", "owner-tag.zip");
    }
    String log = log(HOST);
    assertThat(log).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    List<String> clusters = log.lines().filter(l -> l.contains(":cluster:staging:fnord-")).toList();
    assertThat(clusters).hasSize(2).allSatisfy(line -> assertThat(line)
        .contains(": HAPPY, plan NONE, resolved by [").contains("owner-tag"));
  }

  @Test
  void nothingTheGuidesBuildLeaksIntoTheBuildsOwnRepository() {
    assertThat(BUILD_REPOSITORY.resolve("com/example/owner-tag-plugin")).doesNotExist();
    assertThat(BUILD_REPOSITORY.resolve("com/example/keel-host")).doesNotExist();
  }
}
