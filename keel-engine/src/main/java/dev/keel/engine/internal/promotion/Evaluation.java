package dev.keel.engine.internal.promotion;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The {@link PromotionContext} of one constraint evaluation. */
record Evaluation(DeliveryConfig deliveryConfig, Environment environment, DeliveryArtifact artifact, String version,
    Clock clock, ArtifactView artifacts, Instant firstEvaluatedAt, Map<String, String> previousAttributes)
    implements PromotionContext {}
