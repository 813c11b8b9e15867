package dev.keel.spring.actuate;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.check.CheckObserver;
import dev.keel.engine.check.FinishedCheck;
import dev.keel.engine.event.EventStream;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.ResourceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Micrometer meters fed from the engine's events, with the API common to Micrometer 1.9 and 1.15:
 * <ul>
 *   <li>{@code keel.resource.checks} (counter; tags {@code kind}, {@code outcome}): each check result
 *       (valid, drift, missing, error, timeout, unresolvable, vetoed, ...);</li>
 *   <li>{@code keel.resource.actuations} (counter; {@code kind}): actuations launched;</li>
 *   <li>{@code keel.tasks} (counter; {@code kind}, {@code outcome}): tasks that ended;</li>
 *   <li>{@code keel.plugin.call.timeouts} (counter; {@code kind}, {@code phase}): extension calls past their deadline
 *       or stuck;</li>
 *   <li>{@code keel.resources} (gauge; {@code status}): managed resources by status, read when scraped;</li>
 * </ul>
 * and from the engine's {@link CheckObserver}:
 * <ul>
 *   <li>{@code keel.resource.check.duration} (timer; {@code kind}, {@code outcome}): how long each check took, on the
 *       engine's clock, by how it ended ({@code in_sync}, {@code drifted}, {@code error}, {@code skipped}, ...);</li>
 *   <li>{@code keel.store.claim.duration} (timer; {@code outcome} {@code claimed} or {@code failed}): the latency of
 *       each claim of due checks from the store;</li>
 *   <li>{@code keel.checks.waiting} and {@code keel.checks.in.flight} (gauges): checks claimed and due but not
 *       started (the queue's depth), and checks running.</li>
 * </ul>
 */
final class KeelMetrics implements SmartInitializingSingleton, DisposableBean {

  private final KeelEngine engine;
  private final MeterRegistry registry;
  private final Map<String, String> kindOfResource = new ConcurrentHashMap<>();
  private volatile EventStream.Subscription subscription;
  private volatile CheckObserver.Registration observation;

  KeelMetrics(KeelEngine engine, MeterRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (ResourceStatus status : ResourceStatus.values()) {
      Gauge.builder("keel.resources", this, m -> m.count(status)).tag("status", status.name())
          .description("Managed resources by status").register(registry);
    }
    Gauge.builder("keel.checks.waiting", engine, KeelEngine::checksWaiting)
        .description("Checks claimed and due that have not started: the depth of the check queue").register(registry);
    Gauge.builder("keel.checks.in.flight", engine, KeelEngine::checksRunning)
        .description("Checks running now").register(registry);
    subscription = engine.events().subscribe(this::record);
    observation = engine.observeChecks(new CheckObserver() {
      @Override
      public void checkFinished(FinishedCheck check) {
        Timer.builder("keel.resource.check.duration").tag("kind", check.kind())
            .tag("outcome", check.outcome().toLowerCase(Locale.ROOT)).description("How long each check took")
            .register(registry).record(check.duration());
      }

      @Override
      public void claimed(Duration latency, int claimed, boolean failed) {
        Timer.builder("keel.store.claim.duration").tag("outcome", failed ? "failed" : "claimed")
            .description("How long each claim of due checks from the store took").register(registry).record(latency);
      }
    });
  }

  private double count(ResourceStatus status) {
    try {
      return engine.resources().stream().filter(r -> engine.status(r.id()) == status).count();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  void record(KeelEvent event) {
    if (!(event instanceof ResourceEvent r)) {
      return;
    }
    String kind = kindOf(r.resourceId());
    if (r.isCheckResult()) {
      counter("keel.resource.checks", "kind", kind, "outcome", outcome(r)).increment();
    }
    if (r instanceof ResourceEvent.ActuationLaunched) {
      counter("keel.resource.actuations", "kind", kind, null, null).increment();
    } else if (r instanceof ResourceEvent.TaskSucceeded) {
      counter("keel.tasks", "kind", kind, "outcome", "succeeded").increment();
    } else if (r instanceof ResourceEvent.TaskFailed) {
      counter("keel.tasks", "kind", kind, "outcome", "failed").increment();
    } else if (r instanceof ResourceEvent.CheckTimedOut t) {
      counter("keel.plugin.call.timeouts", "kind", kind, "phase", t.phase()).increment();
    } else if (r instanceof ResourceEvent.CallStuck s) {
      counter("keel.plugin.call.timeouts", "kind", kind, "phase", s.phase()).increment();
    } else if (r instanceof ResourceEvent.Removed) {
      kindOfResource.remove(r.resourceId());
    }
  }

  private static String outcome(ResourceEvent r) {
    String name = r.getClass().getSimpleName();
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private String kindOf(String resourceId) {
    String known = kindOfResource.get(resourceId);
    if (known != null) {
      return known;
    }
    String kind = engine.resources().stream().filter(s -> s.id().equals(resourceId)).findFirst()
        .map(StoredResource::resource).map(res -> res.kind().group() + "/" + res.kind().kind())
        .orElseGet(() -> resourceId.contains(":") ? resourceId.substring(0, resourceId.indexOf(':')) : "unknown");
    kindOfResource.put(resourceId, kind);
    return kind;
  }

  private Counter counter(String name, String k1, String v1, String k2, String v2) {
    Counter.Builder b = Counter.builder(name).tag(k1, v1);
    if (k2 != null) {
      b.tag(k2, v2);
    }
    return b.register(registry);
  }

  @Override
  public void destroy() {
    EventStream.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    CheckObserver.Registration o = observation;
    if (o != null) {
      o.close();
    }
  }
}
