package dev.keel.support.task;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ClusterCloud;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Launches a resource's actuations on a cloud as tasks: one task per region, correlated as
 * {@code <resource id>:<region>}, the region's operations in plan order as its stages. A staggered deploy's
 * region waits for the previous region's task, starts only in its hours and pauses afterwards.
 *
 * @param cloud the cloud that runs the tasks
 * @param system the task system name the cloud's task monitor answers for, such as {@code ec2}
 * @param cloudName the cloud's name for people, such as {@code EC2}
 */
public record CloudTasks(ClusterCloud<?, ?> cloud, String system, String cloudName) {

  /**
   * The correlation id of a resource's work in a region.
   *
   * @param resource the resource
   * @param region the region
   * @return the id
   */
  public static String correlationId(Resource<?> resource, String region) {
    return resource.id() + ":" + region;
  }

  /**
   * Whether any of a resource's regional tasks is running.
   *
   * @param resource the resource
   * @param regions its regions
   * @return true if one runs
   */
  public boolean anyRunning(Resource<?> resource, Collection<String> regions) {
    return regions.stream().anyMatch(r -> cloud.isRunning(correlationId(resource, r)));
  }

  /**
   * Submits an actuation.
   *
   * @param resource the resource
   * @param actuation its operations, all {@link CloudOperation}s
   * @return the launched tasks
   * @throws IllegalArgumentException if an operation is not a cloud operation
   */
  public List<Task> submit(Resource<?> resource, Actuation actuation) {
    Map<String, List<CloudOperation>> byRegion = new LinkedHashMap<>();
    for (Operation op : actuation.operations()) {
      if (!(op instanceof CloudOperation c)) {
        throw new IllegalArgumentException("The " + cloudName + " plugin cannot run operation " + op.type() + " ("
            + op.getClass() + "): only cloud operations");
      }
      byRegion.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c);
    }
    List<Task> tasks = new ArrayList<>();
    Map<String, String> taskByRegion = new LinkedHashMap<>();
    for (var entry : byRegion.entrySet()) {
      String region = entry.getKey();
      List<CloudOperation> ops = entry.getValue();
      DeployWave wave = wave(ops);
      String after = wave == null || wave.after() == null ? null : taskByRegion.get(wave.after());
      String description = ops.size() == 1 ? ops.get(0).description()
          : ops.get(0).description() + " (+" + (ops.size() - 1) + " more)";
      TaskExecution exec = cloud.submit(new TaskRequest(resource.application(), description,
          correlationId(resource, region), ops, after, wave == null ? null : wave.window(),
          wave == null ? null : wave.pauseAfter()));
      taskByRegion.put(region, exec.id());
      tasks.add(new Task(exec.id(), description, system, exec.correlationId()));
    }
    return tasks;
  }

  @Nullable
  private static DeployWave wave(List<CloudOperation> ops) {
    return ops.stream().filter(ServerGroupOperation.CreateServerGroup.class::isInstance)
        .map(o -> ((ServerGroupOperation.CreateServerGroup<?>) o).wave()).findFirst().orElse(null);
  }
}
