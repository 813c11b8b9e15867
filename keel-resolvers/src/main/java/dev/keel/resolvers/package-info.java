/**
 * Resolvers that serve any resource kind through the SPI's capabilities: the artifact version an
 * environment should run, operators' policies, and recommendations.
 */
@ParametersAreNonnullByDefault
package dev.keel.resolvers;

import javax.annotation.ParametersAreNonnullByDefault;
