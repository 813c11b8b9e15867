/**
 * The resource model: kinds, specs and their capabilities, monikers, locations, and the delivery
 * config with its environments, artifacts, constraints and verifications.
 *
 * <p>Values are immutable records whose collections are unmodifiable.
 */
@ParametersAreNonnullByDefault
package dev.keel.spi.model;

import javax.annotation.ParametersAreNonnullByDefault;
