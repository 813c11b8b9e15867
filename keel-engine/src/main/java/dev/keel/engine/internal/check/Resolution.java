package dev.keel.engine.internal.check;

import dev.keel.engine.check.ExtensionFailure;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.Resolver;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The desired path's resolvers, applied in order, and the failure of one of a check's parallel calls. */
final class Resolution {

  private Resolution() {}

  /**
   * Applies the enabled resolvers that support the resource, in order, logging what each changed.
   *
   * @throws ResourceCurrentlyUnresolvable as a resolver throws it
   * @throws ExtensionFailure naming a resolver that failed or returned another kind or spec class
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, CheckServices services, ResourceContext context,
      List<ResolverApplication> log) {
    Resource<ResourceSpec> r = resource;
    for (Resolver resolver : services.extensions().resolvers()) {
      String name = resolver.name();
      if (!services.extensions().resolverEnabled().test(name) || !resolver.supports(r)) {
        continue;
      }
      Resource<ResourceSpec> out;
      try {
        out = resolver.resolve(r, context);
      } catch (ResourceCurrentlyUnresolvable e) {
        throw e;
      } catch (RuntimeException | LinkageError e) {
        throw new ExtensionFailure("resolver " + name, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
      if (out == null || !out.kind().equals(r.kind()) || out.spec().getClass() != r.spec().getClass()) {
        throw new ExtensionFailure("resolver " + name, "Resolver " + name
            + " must return a resource of the same kind and spec class, not " + (out == null ? "null" : out.kind()), null);
      }
      log.add(new ResolverApplication(name, services.differ().diff(out.spec(), r.spec())));
      r = out;
    }
    return r;
  }

  /** Why a call that completed exceptionally failed. */
  static Throwable cause(CompletableFuture<?> f) {
    try {
      f.get();
      return new IllegalStateException("not failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (CancellationException e) {
      return e;
    }
  }
}
