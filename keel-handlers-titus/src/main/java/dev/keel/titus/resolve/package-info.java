/** Titus resolvers: the container image digest, container attributes, environment variables. */
@ParametersAreNonnullByDefault
package dev.keel.titus.resolve;

import javax.annotation.ParametersAreNonnullByDefault;
