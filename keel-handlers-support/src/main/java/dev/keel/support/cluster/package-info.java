/**
 * The cluster action decision table shared by cloud plugins: from the facts of one region's diff and its
 * server groups to one decision (resize, scaling policies, disable, rollback, deploy, wait).
 */
@ParametersAreNonnullByDefault
package dev.keel.support.cluster;

import javax.annotation.ParametersAreNonnullByDefault;
