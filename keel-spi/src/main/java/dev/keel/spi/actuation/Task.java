package dev.keel.spi.actuation;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A unit of work a handler launched in the cloud, tracked until it succeeds or fails.
 *
 * @param id the id the cloud system gave it
 * @param name a human description
 * @param system which {@link dev.keel.spi.TaskMonitor} reports its status, such as {@code ec2}
 * @param correlationId an id that identifies what the task acts on (such as {@code resourceId:region}),
 *     used to avoid launching the same work twice; or null
 */
public record Task(String id, String name, String system, @Nullable String correlationId) {

  /** Checks for nulls. */
  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(system, "system");
  }
}
