package dev.keel.testkit;

import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Resolver;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.List;
import java.util.Objects;

/**
 * What {@link HandlerContract} runs against: a handler over a fake cloud, the monitors of the tasks it
 * launches, the resolvers its specs need, and a resource that does not exist in that cloud yet.
 *
 * @param handler the handler under test
 * @param taskMonitors monitors of its tasks
 * @param resolvers resolvers to apply
 * @param resource a resource to create
 * @param <S> the spec type
 * @param <R> the model type
 */
public record HandlerFixture<S extends ResourceSpec, R>(ResourceHandler<S, R> handler, List<TaskMonitor> taskMonitors,
    List<Resolver<?>> resolvers, Resource<S> resource) {

  /** Checks for nulls and copies the lists. */
  public HandlerFixture {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(resource, "resource");
    taskMonitors = List.copyOf(taskMonitors);
    resolvers = List.copyOf(resolvers);
  }
}
