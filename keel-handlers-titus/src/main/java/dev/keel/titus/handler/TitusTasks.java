package dev.keel.titus.handler;

import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.cloud.TitusOperation;
import dev.keel.support.task.TaskExecution;
import dev.keel.titus.cloud.TaskRequest;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Launches an actuation's operations as tasks: one task per region, correlated as
 * {@code <resource id>:<region>}, operations in plan order as its stages. Staggered deploys chain their
 * tasks through the previous region's task id.
 */
public final class TitusTasks {

  private TitusTasks() {}

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
   * @param cloud the cloud
   * @param resource the resource
   * @param regions its regions
   * @return true if one runs
   */
  public static boolean anyRunning(TitusCloud cloud, Resource<?> resource, Collection<String> regions) {
    return regions.stream().anyMatch(r -> cloud.isRunning(correlationId(resource, r)));
  }

  /**
   * Submits an actuation.
   *
   * @param cloud the cloud
   * @param resource the resource
   * @param actuation operations, all {@link TitusOperation}s
   * @return the launched tasks
   */
  public static List<Task> submit(TitusCloud cloud, Resource<?> resource, Actuation actuation) {
    Map<String, List<TitusOperation>> byRegion = new LinkedHashMap<>();
    for (Operation op : actuation.operations()) {
      if (!(op instanceof TitusOperation e)) {
        throw new IllegalArgumentException("The Titus plugin cannot run operation " + op.type() + " (" + op.getClass()
            + "): only TitusOperations");
      }
      byRegion.computeIfAbsent(e.region(), k -> new ArrayList<>()).add(e);
    }
    List<Task> tasks = new ArrayList<>();
    Map<String, String> taskByRegion = new LinkedHashMap<>();
    for (var entry : byRegion.entrySet()) {
      String region = entry.getKey();
      List<TitusOperation> ops = entry.getValue();
      var wave = ops.stream().filter(TitusOperation.CreateServerGroup.class::isInstance)
          .map(o -> ((TitusOperation.CreateServerGroup) o).wave()).findFirst().orElse(null);
      String after = wave == null || wave.after() == null ? null : taskByRegion.get(wave.after());
      String description = ops.size() == 1 ? ops.get(0).description()
          : ops.get(0).description() + " (+" + (ops.size() - 1) + " more)";
      TaskExecution exec = cloud.submit(new TaskRequest(resource.application(), description,
          correlationId(resource, region), ops, after, wave == null ? null : wave.window(),
          wave == null ? null : wave.pauseAfter()));
      taskByRegion.put(region, exec.id());
      tasks.add(new Task(exec.id(), description, TitusCloud.SYSTEM, exec.correlationId()));
    }
    return tasks;
  }
}
