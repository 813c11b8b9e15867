/**
 * Tasks as every cloud plugin launches and follows them: one task per region with the region's operations as
 * stages, correlated by resource and region, staggered deploys chained; and the task monitor over a port.
 */
@ParametersAreNonnullByDefault
package dev.keel.support.task;

import javax.annotation.ParametersAreNonnullByDefault;

