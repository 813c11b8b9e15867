package dev.keel.engine.internal.check;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import java.time.Clock;
import java.time.Instant;

/** The {@link ResourceContext} of one check. */
record CheckContext(String application, String deliveryConfig, String environment, Instant deadline, Clock clock,
    ArtifactView artifacts) implements ResourceContext {}
