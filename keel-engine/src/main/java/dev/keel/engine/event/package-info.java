/**
 * API. What happens to managed resources and applications, in Keel's event vocabulary: check results,
 * actuations, tasks, pauses, promotions. Events form each resource's history and are published to the host.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.event;

import javax.annotation.ParametersAreNonnullByDefault;
