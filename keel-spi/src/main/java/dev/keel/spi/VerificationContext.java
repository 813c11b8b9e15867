package dev.keel.spi;

import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link VerificationEvaluator} knows about the version it verifies.
 */
public interface VerificationContext {

  /**
   * The delivery config.
   *
   * @return the config
   */
  DeliveryConfig deliveryConfig();

  /**
   * The environment whose current version is verified.
   *
   * @return the environment
   */
  Environment environment();

  /**
   * The reference of the artifact being verified.
   *
   * @return the artifact reference
   */
  String artifactReference();

  /**
   * The version being verified.
   *
   * @return the version
   */
  String version();

  /**
   * The engine's clock.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * When the verification was started.
   *
   * @return the start time, or the current time when starting
   */
  Instant startedAt();

  /**
   * The metadata {@link VerificationEvaluator#start} returned.
   *
   * @return the metadata, empty when starting
   */
  Map<String, String> startMetadata();
}
