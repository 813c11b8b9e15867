package dev.keel.spring.it;

import dev.keel.engine.KeelEngine;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.testkit.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The sample config examples/configs/fnord.yml, and publishing its artifacts' versions as a CI system would. */
final class Fnord {

  static final String FILE = "fnord.yml";

  private Fnord() {}

  static String text() {
    Path dir = Path.of(System.getProperty("keel.examples", "../../examples/configs"));
    try {
      return Files.readString(dir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets each simulated cloud add what the config needs (images, registries), as the keel CLI does. */
  static DeliveryConfig prepareClouds(KeelEngine engine) {
    DeliveryConfig config = engine.configReader().read(text(), FILE);
    for (Simulator s : engine.simulators()) {
      if (s.active()) {
        s.prepare(config);
      }
    }
    return config;
  }

  /** The version of an artifact as recorded: a Debian version starts with its package name. */
  static String version(DeliveryArtifact artifact, String semver, int build) {
    return artifact instanceof DebianArtifact ? artifact.name() + "-" + semver + "-h" + build + ".c0ffee" + build
        : semver;
  }

  /** Publishes one version of every artifact: the clouds first make it deployable, then the engine learns of it. */
  static void publish(KeelEngine engine, VirtualScheduler scheduler, DeliveryConfig config, String semver, int build) {
    for (DeliveryArtifact artifact : config.artifacts()) {
      String version = version(artifact, semver, build);
      for (Simulator s : engine.simulators()) {
        if (s.active()) {
          s.published(artifact, version);
        }
      }
      engine.promotions().publish(new ArtifactVersion(artifact.type(), artifact.name(), version, scheduler.now(),
          "main", Map.of()));
    }
  }
}
