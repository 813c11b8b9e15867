package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.RegistrationConflictException;
import dev.keel.engine.internal.plugin.PluginContainmentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine whose build fails leaves no expanded plugin zip behind; one that closes neither. */
class EngineBuildCleanupTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path plugins;

  private String copyTestPlugin() throws Exception {
    String name = "widgets-" + UUID.randomUUID();
    Path zip = Path.of(System.getProperty("keel.testPlugins", "target/test-plugins"), "keel-test-plugin-plugin.zip");
    Files.copy(zip, plugins.resolve(name + ".zip"));
    return name;
  }

  @Test
  void aFailedBuildRemovesTheExpandedPlugins() throws Exception {
    String name = copyTestPlugin();
    var handler = new ExportTest.BucketHandler();

    assertThatThrownBy(() -> KeelEngine.builder().clock(CLOCK).plugins(plugins).handler(handler).handler(handler).build())
        .isInstanceOf(RegistrationConflictException.class);

    assertThat(PluginContainmentTest.expansionsOf(name)).isEmpty();
  }

  @Test
  void closingTheEngineRemovesTheExpandedPlugins() throws Exception {
    String name = copyTestPlugin();

    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).plugins(plugins).build()) {
      assertThat(engine.registry().kind(dev.keel.spi.model.ResourceKind.parse("test/widget@v1"))).isPresent();
      assertThat(PluginContainmentTest.expansionsOf(name)).hasSize(1);
    }

    assertThat(PluginContainmentTest.expansionsOf(name)).isEmpty();
  }
}
