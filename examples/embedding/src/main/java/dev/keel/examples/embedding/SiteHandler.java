package dev.keel.examples.embedding;

import dev.keel.examples.embedding.SiteOperation.PublishBundle;
import dev.keel.examples.embedding.SiteOperation.SetCacheTtl;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Manages {@code static/site@v1} resources on a {@link SiteHost}.
 *
 * <ul>
 *   <li>{@link #desired}: the bundle version the resolver wrote into the spec, and the cache time-to-live. Pure.
 *   <li>{@link #current}: what the host serves, or null when the site does not exist.
 *   <li>{@link #plan}: a publish to create the site or change its bundle; only a cache change when nothing else
 *       differs, because republishing a bundle is slow. Pure.
 *   <li>{@link #execute}: starts the host's jobs and returns them as tasks, which the host (the task monitor of
 *       system {@value SiteHost#SYSTEM}) reports on.
 *   <li>{@link #actuationInProgress}: while the host still runs a job for the site, the engine skips its check.
 * </ul>
 *
 * <p>A handler registered on the host's builder is built by the host, so it takes its collaborators directly;
 * a handler shipped in a plugin would take a {@link dev.keel.spi.KeelContext} and find the host through
 * {@code context.service(SiteHost.class)}.
 */
public final class SiteHandler implements ResourceHandler<SiteSpec, SiteState> {

  private final SiteHost host;

  /**
   * A handler over a host.
   *
   * @param host the hosting service
   */
  public SiteHandler(SiteHost host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public SupportedKind<SiteSpec> supportedKind() {
    return SiteSpec.SUPPORTED;
  }

  @Override
  public SiteState desired(Resource<SiteSpec> resource, ResourceContext context) {
    SiteSpec spec = resource.spec();
    if (spec.artifactVersion() == null) {
      // The artifact version resolver normally says this first; a handler must not guess a version.
      throw new ResourceCurrentlyUnresolvable("No version of " + spec.artifactReference() + " is approved for "
          + context.environment() + " yet");
    }
    return new SiteState(spec.artifactVersion(), spec.cacheTtlSeconds());
  }

  @Override
  @Nullable
  public SiteState current(Resource<SiteSpec> resource, ResourceContext context) {
    return host.site(resource.spec().hostname()).orElse(null);
  }

  @Override
  public Actuation plan(Resource<SiteSpec> resource, ResourceDiff<SiteState> diff, ResourceContext context) {
    String hostname = resource.spec().hostname();
    if (diff.current() != null && !diff.hasChanges()) {
      return Actuation.none();
    }
    if (diff.current() != null && diff.onlyUnder("/cacheTtlSeconds")) {
      return Actuation.of(new SetCacheTtl(hostname, diff.desired().cacheTtlSeconds()));
    }
    return Actuation.of(new PublishBundle(hostname, diff.desired()));
  }

  @Override
  public List<Task> execute(Resource<SiteSpec> resource, Actuation actuation, ResourceContext context) {
    List<Task> tasks = new ArrayList<>();
    for (Operation operation : actuation.operations()) {
      String job;
      if (operation instanceof PublishBundle p) {
        job = host.publish(p.hostname(), p.target());
      } else if (operation instanceof SetCacheTtl c) {
        job = host.setCacheTtl(c.hostname(), c.cacheTtlSeconds());
      } else {
        throw new IllegalArgumentException("Not a site operation: " + operation);
      }
      tasks.add(new Task(job, operation.description(), SiteHost.SYSTEM, resource.id()));
    }
    return tasks;
  }

  @Override
  public boolean actuationInProgress(Resource<SiteSpec> resource, ResourceContext context) {
    return host.busy(resource.spec().hostname());
  }
}
