/**
 * What every cloud port shares: a cloud's reads of a cluster's server groups ({@link dev.keel.cloud.api.ClusterCloud},
 * {@link dev.keel.cloud.api.ServerGroupState}), the server group model the cluster decision table works on
 * ({@link dev.keel.cloud.api.ClusterServerGroup}), the operations on server groups every cluster cloud runs
 * ({@link dev.keel.cloud.api.ServerGroupOperation}), and tasks: what a plugin submits
 * ({@link dev.keel.cloud.api.TaskRequest}) and what the cloud reports ({@link dev.keel.cloud.api.TaskExecution}).
 * Host-provided: the packages {@code dev.keel.cloud.api} load host-first in every plugin.
 */
@ParametersAreNonnullByDefault
package dev.keel.cloud.api;

import javax.annotation.ParametersAreNonnullByDefault;

