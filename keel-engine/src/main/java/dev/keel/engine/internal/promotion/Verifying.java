package dev.keel.engine.internal.promotion;

import dev.keel.spi.VerificationContext;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The {@link VerificationContext} of one verification run. */
record Verifying(DeliveryConfig deliveryConfig, Environment environment, String artifactReference, String version,
    Clock clock, Instant startedAt, Map<String, String> startMetadata) implements VerificationContext {}
