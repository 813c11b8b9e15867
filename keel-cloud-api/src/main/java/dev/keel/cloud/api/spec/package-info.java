/**
 * The parts of cluster specs every cluster kind has (capacity, dependencies by name, the managed rollout
 * switch) and {@link dev.keel.cloud.api.spec.ClusterSpec}, what the shared cluster handler reads of a spec.
 */
@ParametersAreNonnullByDefault
package dev.keel.cloud.api.spec;

import javax.annotation.ParametersAreNonnullByDefault;

