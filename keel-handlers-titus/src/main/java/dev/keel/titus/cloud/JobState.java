package dev.keel.titus.cloud;

import dev.keel.titus.model.TitusServerGroup;
import java.time.Instant;
import java.util.Objects;

/**
 * One job (server group) of a cluster as Titus reports it.
 *
 * @param name the server group name, {@code <cluster>-vNNN}
 * @param jobId the Titus job id
 * @param createdAt when it was created
 * @param enabled whether it takes traffic
 * @param model its settings in the compared model
 * @param instances its tasks' health
 */
public record JobState(String name, String jobId, Instant createdAt, boolean enabled, TitusServerGroup model,
    InstanceCounts instances) {
  /** Checks for nulls. */
  public JobState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
  }
}
