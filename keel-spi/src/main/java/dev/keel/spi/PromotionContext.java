package dev.keel.spi;

import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link ConstraintEvaluator} knows about the version it is asked to let into an environment.
 */
public interface PromotionContext {

  /**
   * The delivery config.
   *
   * @return the config
   */
  DeliveryConfig deliveryConfig();

  /**
   * The environment the version would enter.
   *
   * @return the target environment
   */
  Environment environment();

  /**
   * The artifact.
   *
   * @return the artifact
   */
  DeliveryArtifact artifact();

  /**
   * The candidate version.
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
   * Read-only promotion state, to ask for example where else a version is current.
   *
   * @return the view
   */
  ArtifactView artifacts();

  /**
   * When the engine first evaluated this constraint for this version in this environment (the start of
   * a judgement's time-out, for example).
   *
   * @return the first evaluation time
   */
  Instant firstEvaluatedAt();

  /**
   * The attributes of the last outcome, so a stateful evaluator can carry state between evaluations.
   *
   * @return the attributes, empty on first evaluation
   */
  Map<String, String> previousAttributes();
}
