package dev.keel.benchmarks;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A handler whose resources are always in sync, with a configurable cloud latency on {@code current()}:
 * zero to measure the engine's own overhead, 20 ms to measure how well it overlaps slow calls.
 */
final class BenchmarkHandler implements ResourceHandler<BenchmarkHandler.Spec, BenchmarkHandler.Model> {

  static final ResourceKind KIND = ResourceKind.parse("bench/thing@v1");

  /** A spec with a few fields, so the diff has something to walk. */
  record Spec(String id, String application, int size, String image, List<String> zones) implements ResourceSpec {}

  /** The resolved model. */
  record Model(int size, String image, List<String> zones) {}

  private final long latencyNanos;

  BenchmarkHandler(long latencyNanos) {
    this.latencyNanos = latencyNanos;
  }

  @Override
  public SupportedKind<Spec> supportedKind() {
    return new SupportedKind<>(KIND, Spec.class);
  }

  @Override
  public Model desired(Resource<Spec> resource, ResourceContext context) {
    Spec s = resource.spec();
    return new Model(s.size(), s.image(), s.zones());
  }

  @Override
  public Model current(Resource<Spec> resource, ResourceContext context) {
    if (latencyNanos > 0) {
      // Stands in for a cloud API call: the thread waits, as it would on the network.
      LockSupport.parkNanos(latencyNanos);
    }
    Spec s = resource.spec();
    return new Model(s.size(), s.image(), List.copyOf(s.zones()));
  }

  @Override
  public Actuation plan(Resource<Spec> resource, ResourceDiff<Model> diff, ResourceContext context) {
    return Actuation.none();
  }

  @Override
  public List<Task> execute(Resource<Spec> resource, Actuation actuation, ResourceContext context) {
    return List.of();
  }
}
