package dev.keel.engine;

import dev.keel.engine.check.CheckObserver;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.event.EventStream;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.spi.Exportable;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.ResourceStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The declarative delivery engine. Build one with {@link #builder()}, {@link #submit} delivery configs,
 * {@link #start()} it, and it keeps every managed resource converged: each is checked when its config
 * changes and then periodically, and drift is acted on through the resource's handler.
 *
 * <pre>{@code
 * try (KeelEngine engine = KeelEngine.builder().handler(new MyClusterHandler()).build()) {
 *   engine.events().subscribe(event -> log.info("{}", event.message()));
 *   engine.submit(Path.of("delivery-config.yml"));
 *   engine.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Operators act through focused controls: {@link #promotions()}, {@link #pauses()} and {@link #freezes()}.
 * The engine starts no thread before {@link #start()} (except to run {@link #plan}) and stops all of them in
 * {@link #close()}. Every time comes from the builder's clock or scheduler.
 */
public final class KeelEngine implements AutoCloseable {

  private static final int HISTORY_DEFAULT = 100;

  private final EngineWiring w;
  private final PromotionControl promotions;
  private final PauseControl pauses;
  private final FreezeControl freezes;
  private final Object lock = new Object();
  private boolean started;
  private boolean closed;

  KeelEngine(EngineWiring wiring) {
    this.w = wiring;
    this.promotions = new PromotionControl(wiring);
    this.pauses = new PauseControl(wiring);
    this.freezes = new FreezeControl(wiring);
  }

  /**
   * Starts configuring an engine.
   *
   * @return the builder
   */
  public static KeelEngineBuilder builder() {
    return new KeelEngineBuilder();
  }

  /**
   * The engine's configuration.
   *
   * @return the configuration it was built with
   */
  public EngineConfig config() {
    return w.config;
  }

  /**
   * The plugins and extensions that could not be loaded, and why. The rest of the engine works without them.
   *
   * @return the failures, empty when every plugin loaded
   */
  public List<PluginFailure> pluginFailures() {
    return w.pluginFailures;
  }

  /**
   * Reads, validates and stores a delivery config, and checks its new and changed resources at once. The store
   * keeps the file's text beside the config read from it, for {@link #submittedDocument(String)}. A submission that
   * changes what is stored is recorded as made by {@link Actor#SYSTEM}; pass an {@link Actor} to name who made it.
   *
   * @param file a YAML or JSON delivery config
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(Path file) {
    return submit(file, Actor.SYSTEM);
  }

  /**
   * Reads, validates and stores a delivery config as {@link #submit(Path)} does, recorded as submitted by
   * {@code actor} ({@link dev.keel.engine.event.ApplicationEvent.ConfigSubmitted}).
   *
   * @param file a YAML or JSON delivery config
   * @param actor who submits it
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(Path file, Actor actor) {
    return submit(w.reader.readText(file), file.toString(), actor);
  }

  /**
   * Reads, validates and stores a delivery config given as text. The store keeps the text beside the config
   * read from it (templates and all), for {@link #submittedDocument(String)}.
   *
   * @param text the YAML or JSON document
   * @param sourceName the name given in problems
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(String text, String sourceName) {
    return submit(text, sourceName, Actor.SYSTEM);
  }

  /**
   * Reads, validates and stores a delivery config given as text, as {@link #submit(String, String)} does,
   * recorded as submitted by {@code actor} ({@link dev.keel.engine.event.ApplicationEvent.ConfigSubmitted}).
   *
   * @param text the YAML or JSON document
   * @param sourceName the name given in problems
   * @param actor who submits it
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(String text, String sourceName, Actor actor) {
    return w.configChanges.store(w.reader.read(text, sourceName), new SubmittedDocument(sourceName, text), actor);
  }

  /**
   * The document a stored config was submitted as, to show it as its author wrote it (with its templates);
   * {@link ConfigReader#render(String, String)} gives the plain config it expands to.
   *
   * @param configName the config's name
   * @return the document; empty if the config is not stored, was submitted as a {@link DeliveryConfig} built in
   *     code, or the engine's store keeps no documents
   */
  public Optional<SubmittedDocument> submittedDocument(String configName) {
    return w.store.submittedDocument(configName);
  }

  /**
   * Validates and stores a delivery config built in code, and checks its new and changed resources at
   * once. It passes the rules a config read from text passes ({@link ConfigReader#validate}).
   *
   * @param deliveryConfig the config
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem (duplicate environment names or
   *     resource ids, an artifact reference no artifact declares, a kind no handler
   *     supports, ...); nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(DeliveryConfig deliveryConfig) {
    return submit(deliveryConfig, Actor.SYSTEM);
  }

  /**
   * Validates and stores a delivery config built in code, as {@link #submit(DeliveryConfig)} does, recorded as
   * submitted by {@code actor} ({@link dev.keel.engine.event.ApplicationEvent.ConfigSubmitted}).
   *
   * @param deliveryConfig the config
   * @param actor who submits it
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(DeliveryConfig deliveryConfig, Actor actor) {
    w.reader.validate(deliveryConfig, "delivery config '" + deliveryConfig.name() + "'");
    return w.configChanges.store(deliveryConfig, null, actor);
  }

  /**
   * Stops managing a delivery config's resources and forgets the config, recorded as deleted by
   * {@link Actor#SYSTEM}. Cloud resources are left alone.
   *
   * @param name the config's name
   * @return whether there was such a config
   */
  public boolean delete(String name) {
    return delete(name, Actor.SYSTEM);
  }

  /**
   * Stops managing a delivery config's resources and forgets the config, recorded as deleted by {@code actor}
   * ({@link dev.keel.engine.event.ApplicationEvent.ConfigDeleted}, after each resource's
   * {@link dev.keel.engine.event.ResourceEvent.Removed}). Cloud resources are left alone.
   *
   * @param name the config's name
   * @param actor who deletes it
   * @return whether there was such a config; nothing is recorded when there was none
   */
  public boolean delete(String name, Actor actor) {
    return w.configChanges.delete(name, actor);
  }

  /**
   * The reader this engine uses, which knows its kinds and types.
   *
   * @return the reader
   */
  public ConfigReader configReader() {
    return w.reader;
  }

  /**
   * The kinds and types configs may use with this engine.
   *
   * @return the registry
   */
  public KindRegistry registry() {
    return w.registry;
  }

  /**
   * The simulated clouds the loaded plugins ship, for hosts that seed them and play scenarios against them
   * (the keel CLI, examples, tests).
   *
   * @return the simulators, in plugin order; empty when no plugin ships one
   */
  public List<Simulator> simulators() {
    return w.simulators;
  }

  /**
   * Describes an existing cloud resource as a resource of this engine's kinds, ready to paste into a
   * delivery config. The handler's export runs on the engine's executor under the call deadline.
   *
   * @param exportable what to export; its kind must be one a handler supports
   * @return the resource, when the handler has described it; fails with {@link UnsupportedKindException}
   *     for an unknown kind, and with the handler's exception (such as IllegalArgumentException when
   *     nothing exists under that name) otherwise
   */
  public CompletableFuture<Resource<?>> exportAsync(Exportable exportable) {
    ResourceHandler<?, ?> handler = w.handlers.get(exportable.kind());
    if (handler == null) {
      return CompletableFuture.failedFuture(new UnsupportedKindException(exportable.kind(),
          exportable.moniker().toName()));
    }
    return w.calls.call(handler, null, "export", w.config.callTimeout(), () -> exported(handler, exportable));
  }

  private static <S extends ResourceSpec> Resource<?> exported(ResourceHandler<S, ?> handler, Exportable exportable) {
    S spec = handler.export(exportable);
    return new Resource<>(handler.supportedKind().kind(), spec);
  }

  /**
   * What the engine would do for every resource of a config, with nothing executed or recorded.
   * Blocks until every resource is planned (each call bounded by the call deadline). On a scheduler whose
   * time moves only when its caller moves it, such as keel-testkit's {@code VirtualScheduler}, the
   * scheduler's {@link Scheduler#await} runs the work and moves virtual time to the deadlines it needs, so
   * this returns there too; {@link #planAsync} leaves driving the scheduler to the caller.
   *
   * @param deliveryConfig the config; it need not be stored
   * @return the plan
   */
  public Plan plan(DeliveryConfig deliveryConfig) {
    try {
      return w.scheduler.await(planAsync(deliveryConfig));
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while planning " + deliveryConfig.name());
    }
  }

  /**
   * {@link #plan} without blocking.
   *
   * @param deliveryConfig the config
   * @return the plan, when every resource is planned
   */
  public CompletableFuture<Plan> planAsync(DeliveryConfig deliveryConfig) {
    return w.checker.plan(deliveryConfig);
  }

  /**
   * Whether an application's delivery has come to rest, counting a pending manual judgement as something
   * only a person can move: see {@link Convergence}.
   *
   * @param application the application
   * @return the convergence; not converged, with one blocker, when no config is stored for the application
   */
  public Convergence convergence(String application) {
    return convergence(application, false);
  }

  /**
   * Whether an application's delivery has come to rest.
   *
   * @param application the application
   * @param judgementsDecideThemselves whether pending manual judgements will be decided without a person (by
   *     an automation), so that a version waiting for one still counts as moving
   * @return the convergence; not converged, with one blocker, when no config is stored for the application
   */
  public Convergence convergence(String application, boolean judgementsDecideThemselves) {
    return w.store.deliveryConfigForApplication(application)
        .map(c -> new Convergence(application, ConvergenceCheck.blockers(this, c, judgementsDecideThemselves)))
        .orElseGet(() -> new Convergence(application, List.of("no delivery config for " + application)));
  }

  /**
   * Shorthand for {@code convergence(application).converged()}.
   *
   * @param application the application
   * @return whether its delivery is at rest
   */
  public boolean converged(String application) {
    return convergence(application).converged();
  }

  /**
   * A resource's status, in Keel's vocabulary.
   *
   * @param resourceId the resource
   * @return the status; UNKNOWN if not managed
   */
  public ResourceStatus status(String resourceId) {
    return w.checker.status(resourceId);
  }

  /**
   * A resource's persisted state: last result, drift fingerprint, actions taken, last error.
   *
   * @param resourceId the resource
   * @return the state
   */
  public ResourceState state(String resourceId) {
    return w.store.state(resourceId);
  }

  /**
   * A resource's history with its application's events, newest first, the newest 100.
   *
   * @param resourceId the resource
   * @return the events
   */
  public List<KeelEvent> history(String resourceId) {
    return w.store.history(resourceId, HISTORY_DEFAULT);
  }

  /**
   * A resource's history, newest first.
   *
   * @param resourceId the resource
   * @param limit the most events
   * @return the events
   */
  public List<KeelEvent> history(String resourceId, int limit) {
    return w.store.history(resourceId, limit);
  }

  /**
   * The managed resources.
   *
   * @return the resources, by id
   */
  public List<StoredResource> resources() {
    return w.store.resources();
  }

  /**
   * The engine's events.
   *
   * @return the stream to subscribe to
   */
  public EventStream events() {
    return w.bus;
  }

  /**
   * Checks a resource as soon as possible, ahead of periodic checks.
   *
   * @param resourceId the resource
   * @throws NoSuchElementException if the resource is not managed
   */
  public void checkNow(String resourceId) {
    if (!w.store.triggerCheck(resourceId)) {
      throw new NoSuchElementException("No managed resource " + resourceId);
    }
    w.checks.pump();
  }

  /**
   * Registers an observer of the check loop, told of each finished check (resource, kind, outcome, duration) and of
   * each claim of due checks from the store (its latency), for metrics. An observer that throws never disturbs the
   * engine.
   *
   * @param observer the observer
   * @return the registration; close it to stop telling the observer
   */
  public CheckObserver.Registration observeChecks(CheckObserver observer) {
    return w.checks.observers().add(Objects.requireNonNull(observer, "observer"));
  }

  /**
   * How many checks this engine has claimed from the store and are due but have not started: the depth of its check
   * queue (which holds at most two rounds of {@link EngineConfig#maxConcurrentChecks()}; what is due beyond that waits
   * in the store).
   *
   * @return the number of checks waiting
   */
  public int checksWaiting() {
    return w.checks.waiting();
  }

  /**
   * How many checks are running now.
   *
   * @return the number of checks in flight
   */
  public int checksRunning() {
    return w.checks.running();
  }

  /** Starts checking resources and following tasks. Does nothing if already started. */
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    w.tasks.start();
    w.promotionLoop.start();
    w.checks.start();
  }

  /**
   * Stops checking; running extension calls are abandoned, and claims of a shared store whose check had not started
   * are given back. Closes the scheduler the engine made and the store its builder's factory made. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    w.close();
  }


  // ---- operators' controls

  /**
   * Artifact promotion: published versions, the promotion check, pins, vetoes, judgements, verification
   * retries, and each environment's versions.
   *
   * @return the engine's promotion control
   */
  public PromotionControl promotions() {
    return promotions;
  }

  /**
   * Pausing and resuming actuation of applications and resources.
   *
   * @return the engine's pause control
   */
  public PauseControl pauses() {
    return pauses;
  }

  /**
   * Change freezes: which are in force, and overriding them.
   *
   * @return the engine's freeze control
   */
  public FreezeControl freezes() {
    return freezes;
  }
}
