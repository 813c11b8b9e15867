package dev.keel.examples.spinnakerhost;

import dev.keel.engine.KeelEngine;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At start, submits the sample delivery config (examples/configs/fnord.yml by default) unless it is already stored,
 * after the simulated clouds got the accounts and regions it names, and publishes the first build of its artifacts as
 * a CI system would. From there the engine converges it; production waits for a manual judgement (see README.md).
 * Off with {@code example.sample.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "example.sample", name = "enabled", havingValue = "true", matchIfMissing = true)
class SampleDelivery implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SampleDelivery.class);

  private final KeelEngine engine;
  private final Path file;
  private final Clock clock;

  SampleDelivery(KeelEngine engine, @Value("${example.sample.config}") String file, Clock clock) {
    this.engine = engine;
    this.clock = clock;
    this.file = Path.of(file);
  }

  @Override
  public void run(ApplicationArguments args) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sample config " + file.toAbsolutePath()
          + ": set example.sample.config, or example.sample.enabled=false", e);
    }
    DeliveryConfig config = engine.configReader().read(text, file.getFileName().toString());
    for (Simulator simulator : engine.simulators()) {
      simulator.prepare(config);
    }
    if (engine.submittedDocument(config.name()).isPresent()) {
      LOG.info("Sample delivery {} is already stored", config.name());
      return;
    }
    engine.submit(text, file.getFileName().toString());
    for (DeliveryArtifact artifact : config.artifacts()) {
      String version = artifact instanceof DebianArtifact ? artifact.name() + "-1.0.0-h1.c0ffee1" : "1.0.0";
      for (Simulator simulator : engine.simulators()) {
        simulator.published(artifact, version);
      }
      engine.promotions().publish(new ArtifactVersion(artifact.type(), artifact.name(), version,
          clock.instant(), "main", Map.of()));
    }
    LOG.info("Sample delivery {} submitted and its first build published: GET /application/{}", config.name(),
        config.application());
  }
}
