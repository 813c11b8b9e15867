/**
 * API. Plans: what the engine would do for each resource of a delivery config, computed by the full check with
 * nothing executed (desired, current, diff, resolvers applied, vetoes, the operations a handler would run).
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.plan;

import javax.annotation.ParametersAreNonnullByDefault;
