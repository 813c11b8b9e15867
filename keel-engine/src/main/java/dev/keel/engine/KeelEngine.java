package dev.keel.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.engine.check.CheckExtensions;
import dev.keel.engine.check.CheckReport;
import dev.keel.engine.check.ResourceChecker;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.diff.Differ;
import dev.keel.engine.diff.DifferBuilder;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.EventStream;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.freeze.FreezeStatus;
import dev.keel.engine.freeze.Freezes;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.plugin.Loaded;
import dev.keel.engine.plugin.LoadedExtensions;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.engine.plugin.PluginLoader;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.EvaluatorCalls;
import dev.keel.engine.promotion.Promotions;
import dev.keel.engine.schedule.DeadlineCalls;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.schedule.SystemScheduler;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.Exportable;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Simulator;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.Veto;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.ResourceStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The engine starts no thread before {@link #start()} (except to run {@link #plan}) and stops all of
 * them in {@link #close()}. Every time comes from the builder's clock or scheduler.
 */
public final class KeelEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeelEngine.class);
  private static final int HISTORY_DEFAULT = 100;

  private final EngineConfig config;
  private final KeelStore store;
  private final Scheduler scheduler;
  private final boolean ownsScheduler;
  private final KindRegistry registry;
  private final ConfigReader reader;
  private volatile ResourceChecker checker;
  private final TaskTracker tasks;
  private final DeadlineCalls calls;
  private final CheckLoop checks;
  private final PromotionLoop promotionLoop;
  private final Promotions promotions;
  private final Freezes freezes;
  private final EventBus bus = new EventBus();
  private final PluginLoader plugins;
  private final List<PluginFailure> pluginFailures;
  private final List<Simulator> simulators;
  private final Map<ResourceKind, ResourceHandler<?, ?>> handlers = new LinkedHashMap<>();
  private final Object lock = new Object();
  /** What extensions read; plugins are built before promotion exists, so it delegates to the view set later. */
  private final DeferredArtifactView artifactView = new DeferredArtifactView();
  private boolean started;
  private boolean closed;

  private KeelEngine(Builder b) {
    this.config = b.config;
    this.store = b.store != null ? b.store : new InMemoryStore(b.config.retention());
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler != null ? b.scheduler : new SystemScheduler(b.clock, "keel-" + config.instanceId());
    LoadedExtensions loaded = LoadedExtensions.empty();
    if (!b.pluginsRoots.isEmpty() || b.hostExtensions) {
      PluginLoader.Builder loader = PluginLoader.builder()
          .includeHostExtensions(b.hostExtensions)
          .disabledPlugins(b.disabledPlugins)
          .startDeadline(b.pluginStartDeadline)
          .hostClaims(b::registerOwnInto)
          .contextFactory(pluginId -> new EngineContext(scheduler.clock(), b.pluginConfig.getOrDefault(pluginId, Map.of()),
              b.services, artifactView, this::publishPluginEvent));
      b.pluginsRoots.forEach(loader::pluginsRoot);
      this.plugins = loader.build();
      b.building = plugins; // closed by build() if the rest of this constructor fails
      loaded = plugins.load();
    } else {
      this.plugins = null;
    }
    this.pluginFailures = loaded.failures();
    this.simulators = loaded.simulators().stream().map(Loaded::extension).collect(Collectors.toUnmodifiableList());
    // Plugin extensions first, then those given to the builder; the builder's lists stay untouched.
    List<ResourceHandler<?, ?>> handlerList = join(loaded.handlers(), b.handlers);
    List<Resolver<?>> resolverList = join(loaded.resolvers(), b.resolvers);
    this.freezes = new Freezes(store, scheduler.clock(), config.operatorFreezes());
    List<Veto> vetoList = new ArrayList<>(List.of(freezes)); // freezes are asked first
    vetoList.addAll(join(loaded.vetoes(), b.vetoes));
    List<TaskMonitor> monitorList = join(loaded.taskMonitors(), b.taskMonitors);
    KindRegistry.Builder kinds = KindRegistry.builder();
    b.registerOwnInto(kinds);
    loaded.registerInto(kinds);
    this.registry = kinds.build();
    this.reader = ConfigReader.builder().registry(registry).build();
    handlerList.forEach(h -> handlers.put(h.supportedKind().kind(), h));
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    List<ConstraintEvaluator<?>> evaluatorList = join(loaded.constraintEvaluators(), b.constraintEvaluators);
    List<VerificationEvaluator<?>> verifierList = join(loaded.verificationEvaluators(), b.verificationEvaluators);
    this.checks = new CheckLoop(config, store, scheduler, freezes);
    // One set of extension calls for the whole engine, so each plugin's stuck calls are counted once.
    this.calls = new DeadlineCalls(scheduler, config.maxStuckCallsPerPlugin());
    this.promotionLoop = new PromotionLoop(config, store, scheduler, join(loaded.artifactSuppliers(), b.suppliers),
        calls);
    this.promotions = new Promotions(store, scheduler.clock(), evaluatorList, verifierList, checks::trigger,
        promotionLoop::trigger, config.maxConsideredVersions(), config.defaultTimeZone(), bus,
        new EvaluatorCalls(calls, promotionLoop::await, config.callTimeout(), scheduler.clock(), this::recordApplication));
    promotionLoop.bind(promotions);
    artifactView.bind(b.artifacts != null ? b.artifacts : promotions.view());
    CheckExtensions extensions = new CheckExtensions(handlers, resolverList, vetoList,
        name -> !config.disabledResolvers().contains(name));
    this.tasks = new TaskTracker(store, scheduler, calls, monitorList, config.callTimeout(), this::record,
        checks::trigger);
    tasks.interval(config.taskPollInterval());
    this.checker = ResourceChecker.builder()
        .store(store)
        .scheduler(scheduler)
        .calls(calls)
        .differ(differ(mapper, b.fingerprintSalt))
        .extensions(extensions)
        .giveUpPolicy(config.giveUpPolicy())
        .callTimeout(config.callTimeout())
        .artifacts(artifactView)
        .gate(promotions.gate())
        .publisher(bus)
        .monitoredSystems(tasks.systems())
        .build();
    checks.bind(checker);
  }

  private static Differ differ(ObjectMapper mapper, @Nullable byte[] fingerprintSalt) {
    DifferBuilder differ = Differ.builder().objectMapper(mapper);
    if (fingerprintSalt != null) {
      differ.fingerprintSalt(fingerprintSalt);
    }
    return differ.build();
  }

  /**
   * Starts configuring an engine.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static <T> List<T> join(List<Loaded<T>> loaded, List<? extends T> given) {
    List<T> all = loaded.stream().map(Loaded::extension).collect(Collectors.toCollection(ArrayList::new));
    all.addAll(given);
    return all;
  }

  /** Records an extension's event in the history of the resource it names; other events are only logged. */
  private void publishPluginEvent(PluginEvent event) {
    ResourceChecker c = checker;
    String id = event.resourceId();
    Optional<StoredResource> resource = id == null ? Optional.empty() : store.resource(id);
    if (c == null || resource.isEmpty()) {
      LOG.info("{}: {} ({})", event.source(), event.message(), event.type());
      return;
    }
    c.record(new ResourceEvent.FromPlugin(id, resource.get().resource().application(), clock().instant(), event));
  }

  /**
   * The engine's configuration.
   *
   * @return the configuration it was built with
   */
  public EngineConfig config() {
    return config;
  }

  /**
   * The plugins and extensions that could not be loaded, and why. The rest of the engine works without them.
   *
   * @return the failures, empty when every plugin loaded
   */
  public List<PluginFailure> pluginFailures() {
    return pluginFailures;
  }

  // ---- configs

  /**
   * Reads, validates and stores a delivery config, and checks its new and changed resources at once.
   *
   * @param file a YAML or JSON delivery config
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   * @throws dev.keel.engine.store.ConfigConflictException if another config manages the same names;
   *     nothing is stored
   */
  public SubmitResult submit(Path file) {
    return store(reader.read(file));
  }

  /**
   * Reads, validates and stores a delivery config given as text.
   *
   * @param text the YAML or JSON document
   * @param sourceName the name given in problems
   * @return what changed
   * @throws dev.keel.engine.config.ConfigException listing every problem; nothing is stored
   */
  public SubmitResult submit(String text, String sourceName) {
    return store(reader.read(text, sourceName));
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
    reader.validate(deliveryConfig, "delivery config '" + deliveryConfig.name() + "'");
    return store(deliveryConfig);
  }

  /** Stores a validated config and records what changed. */
  private SubmitResult store(DeliveryConfig deliveryConfig) {
    Instant now = clock().instant();
    SubmitResult result = store.storeDeliveryConfig(deliveryConfig, now);
    String app = deliveryConfig.application();
    result.created().stream().sorted().forEach(id -> record(new ResourceEvent.Created(id, app, now)));
    result.updated().stream().sorted().forEach(id -> record(new ResourceEvent.Updated(id, app, now,
        store.resource(id).map(StoredResource::version).orElse(0L))));
    result.removed().stream().sorted().forEach(id -> record(new ResourceEvent.Removed(id, app, now)));
    promotionLoop.trigger(deliveryConfig.name());
    checks.pump();
    return result;
  }

  /**
   * Stops managing a delivery config's resources and forgets the config. Cloud resources are left alone.
   *
   * @param name the config's name
   * @return whether there was such a config
   */
  public boolean delete(String name) {
    Optional<DeliveryConfig> existing = store.deliveryConfig(name);
    if (existing.isEmpty()) {
      return false;
    }
    Instant now = clock().instant();
    store.deleteDeliveryConfig(name).forEach(id -> record(new ResourceEvent.Removed(id, existing.get().application(), now)));
    return true;
  }

  /**
   * The reader this engine uses, which knows its kinds and types.
   *
   * @return the reader
   */
  public ConfigReader configReader() {
    return reader;
  }

  /**
   * The kinds and types configs may use with this engine.
   *
   * @return the registry
   */
  public KindRegistry registry() {
    return registry;
  }

  /**
   * The simulated clouds the loaded plugins ship, for hosts that seed them and play scenarios against them
   * (the keel CLI, examples, tests).
   *
   * @return the simulators, in plugin order; empty when no plugin ships one
   */
  public List<Simulator> simulators() {
    return simulators;
  }

  // ---- export

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
    ResourceHandler<?, ?> handler = handlers.get(exportable.kind());
    if (handler == null) {
      return CompletableFuture.failedFuture(new UnsupportedKindException(exportable.kind(),
          exportable.moniker().toName()));
    }
    return calls.call(handler, null, "export", config.callTimeout(), () -> exported(handler, exportable));
  }

  private static <S extends ResourceSpec> Resource<?> exported(ResourceHandler<S, ?> handler, Exportable exportable) {
    S spec = handler.export(exportable);
    return new Resource<>(handler.supportedKind().kind(), spec);
  }

  // ---- plan

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
      return scheduler.await(planAsync(deliveryConfig));
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
    List<CompletableFuture<ResourcePlan>> plans = new ArrayList<>();
    for (Environment env : deliveryConfig.environments()) {
      for (Resource<?> r : env.resources()) {
        long version = store.resource(r.id()).map(StoredResource::version).orElse(0L);
        plans.add(checker.plan(new StoredResource(r, deliveryConfig.name(), env.name(), version))
            .thenApply(CheckReport::plan));
      }
    }
    return CompletableFuture.allOf(plans.toArray(CompletableFuture[]::new))
        .thenApply(v -> new Plan(deliveryConfig.name(),
            plans.stream().map(CompletableFuture::join).collect(Collectors.toList())));
  }

  // ---- status and history

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
    return store.deliveryConfigForApplication(application)
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
    return checker.status(resourceId);
  }

  /**
   * A resource's persisted state: last result, drift fingerprint, actions taken, last error.
   *
   * @param resourceId the resource
   * @return the state
   */
  public ResourceState state(String resourceId) {
    return store.state(resourceId);
  }

  /**
   * A resource's history with its application's events, newest first, the newest 100.
   *
   * @param resourceId the resource
   * @return the events
   */
  public List<KeelEvent> history(String resourceId) {
    return store.history(resourceId, HISTORY_DEFAULT);
  }

  /**
   * A resource's history, newest first.
   *
   * @param resourceId the resource
   * @param limit the most events
   * @return the events
   */
  public List<KeelEvent> history(String resourceId, int limit) {
    return store.history(resourceId, limit);
  }

  /**
   * The managed resources.
   *
   * @return the resources, by id
   */
  public List<StoredResource> resources() {
    return store.resources();
  }

  /**
   * The engine's events.
   *
   * @return the stream to subscribe to
   */
  public EventStream events() {
    return bus;
  }

  // ---- control

  /**
   * Checks a resource as soon as possible, ahead of periodic checks.
   *
   * @param resourceId the resource
   * @throws NoSuchElementException if the resource is not managed
   */
  public void checkNow(String resourceId) {
    if (!store.triggerCheck(resourceId)) {
      throw new NoSuchElementException("No managed resource " + resourceId);
    }
    checks.pump();
  }

  private void triggerCheck(String resourceId) {
    checks.trigger(resourceId);
  }

  /**
   * Pauses actuation of every resource of an application. Paused resources are still checked and their
   * drift reported, but never acted on.
   *
   * @param application the application
   * @param by who pauses
   * @param comment why, or null
   */
  public void pauseApplication(String application, String by, @Nullable String comment) {
    Instant now = clock().instant();
    // Under the checker's actuation lock: once this returns, no actuation of the application starts.
    checker.changeActuation(() -> store.savePause(new Pause(PauseScope.APPLICATION, application, by, now, comment)));
    ApplicationEvent event = new ApplicationEvent.Paused(application, now, by, comment);
    store.appendEvent(event);
    checker.publish(event);
  }

  /**
   * Resumes an application, and checks its resources at once.
   *
   * @param application the application
   * @param by who resumes
   */
  public void resumeApplication(String application, String by) {
    if (store.removePause(PauseScope.APPLICATION, application)) {
      ApplicationEvent event = new ApplicationEvent.Resumed(application, clock().instant(), by);
      store.appendEvent(event);
      checker.publish(event);
      store.resources().stream().filter(r -> r.resource().application().equals(application))
          .forEach(r -> store.triggerCheck(r.id()));
      checks.pump();
    }
  }

  /**
   * Pauses actuation of one resource.
   *
   * @param resourceId the resource
   * @param by who pauses
   * @param comment why, or null
   * @throws NoSuchElementException if the resource is not managed
   */
  public void pauseResource(String resourceId, String by, @Nullable String comment) {
    StoredResource r = managed(resourceId);
    Instant now = clock().instant();
    checker.changeActuation(() -> store.savePause(new Pause(PauseScope.RESOURCE, resourceId, by, now, comment)));
    record(new ResourceEvent.ActuationPaused(resourceId, r.resource().application(), now, by, comment));
  }

  /**
   * Resumes one resource, and checks it at once.
   *
   * @param resourceId the resource
   * @param by who resumes
   * @throws NoSuchElementException if the resource is not managed
   */
  public void resumeResource(String resourceId, String by) {
    StoredResource r = managed(resourceId);
    if (store.removePause(PauseScope.RESOURCE, resourceId)) {
      record(new ResourceEvent.ActuationResumed(resourceId, r.resource().application(), clock().instant(), by));
      triggerCheck(resourceId);
    }
  }

  private StoredResource managed(String resourceId) {
    return store.resource(resourceId).orElseThrow(() -> new NoSuchElementException("No managed resource " + resourceId));
  }

  /** Starts checking resources and following tasks. Does nothing if already started. */
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    tasks.start();
    promotionLoop.start();
    checks.start();
  }

  /** Stops checking; running extension calls are abandoned. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    checks.close();
    promotionLoop.close();
    tasks.close();
    if (ownsScheduler) {
      scheduler.close();
    }
    if (plugins != null) {
      plugins.close();
    }
  }

  // ---- promotion

  /**
   * Records a published version of an artifact (as a CI system would announce it) and checks the
   * promotion of every config whose artifact accepts it.
   *
   * @param version the version, named by the artifact's name (its package or image), not by its reference
   *     in a config; a Debian version starts with the package name, as {@code fnord-1.2.3-h4.abcdef1}
   * @return the names of the configs that accept it; empty for a version of an artifact no config uses, which
   *     is still recorded
   * @throws IllegalArgumentException for a Debian version without its package name, or a version named by
   *     an artifact reference instead of the artifact's name; nothing is recorded then
   */
  public Set<String> publishArtifactVersion(ArtifactVersion version) {
    requirePublishable(version);
    Set<String> affected = promotions.publish(version, store.deliveryConfigs());
    affected.forEach(promotionLoop::trigger);
    return affected;
  }

  private void requirePublishable(ArtifactVersion version) {
    String type = version.type().toLowerCase(Locale.ROOT);
    if (type.equals(DebianArtifact.TYPE) && !version.version().startsWith(version.name() + "-")) {
      throw new IllegalArgumentException("Debian version '" + version.version() + "' of " + version.name()
          + " does not start with its package name: publish it as '" + version.name() + "-" + version.version()
          + "'");
    }
    List<DeliveryConfig> configs = store.deliveryConfigs();
    boolean named = configs.stream().flatMap(c -> c.artifacts().stream())
        .anyMatch(a -> a.type().equals(type) && a.name().equals(version.name()));
    if (named) {
      return;
    }
    for (DeliveryConfig c : configs) {
      for (DeliveryArtifact a : c.artifacts()) {
        if (a.type().equals(type) && a.reference().equals(version.name())) {
          throw new IllegalArgumentException("No " + type + " artifact is named '" + version.name() + "', but it is"
              + " the reference of " + type + " artifact '" + a.name() + "' in delivery config " + c.name()
              + ": publish versions by the artifact's name, '" + a.name() + "'");
        }
      }
    }
  }

  /**
   * Runs an application's promotion check now, on the calling thread: approvals, then verifications. The
   * promotion loop does this by itself once the engine is started; this is for hosts that drive an engine
   * they have not started, such as the CLI's {@code plan}, which needs the versions approved before it
   * asks what the resources would do. Constraint evaluators run as in the loop, with their side effects.
   *
   * @param application the application
   * @throws NoSuchElementException if no delivery config is stored for it
   */
  public void checkPromotion(String application) {
    promotions.check(configOf(application));
  }

  /**
   * Pins a version in an environment; it is deployed there whatever is approved, until unpinned.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version a published version
   * @param by who pins
   * @param comment why, or null
   * @throws NoSuchElementException if the application, environment, artifact or version is unknown
   */
  public void pin(String application, String environment, String artifactReference, String version, String by,
      @Nullable String comment) {
    promotions.pin(configOf(application), environment, artifactReference, version, by, comment);
  }

  /**
   * Removes a pin.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @return whether there was a pin
   */
  public boolean unpin(String application, String environment, String artifactReference) {
    return promotions.unpin(configOf(application), environment, artifactReference);
  }

  /**
   * Marks a version bad in an environment; the environment falls back to its best remaining approved
   * version. See {@link Promotions#veto}.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param by who vetoes
   * @param comment why, or null
   * @throws dev.keel.engine.promotion.InvalidVetoException if the version is pinned, unknown there, or a fallback
   */
  public void veto(String application, String environment, String artifactReference, String version, String by,
      @Nullable String comment) {
    promotions.veto(configOf(application), environment, artifactReference, version, by, comment, false);
  }

  /**
   * Undoes a veto.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @return whether it was vetoed
   */
  public boolean unveto(String application, String environment, String artifactReference, String version) {
    return promotions.unveto(configOf(application), environment, artifactReference, version);
  }

  /**
   * Judges a stateful constraint, such as a manual judgement, for a version.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param constraintType the constraint type, such as {@code manual-judgement}
   * @param pass whether to let the version through
   * @param by who judges
   * @param comment why, or null
   */
  public void judge(String application, String environment, String artifactReference, String version,
      String constraintType, boolean pass, String by, @Nullable String comment) {
    promotions.judge(configOf(application), environment, artifactReference, version, constraintType, pass, by, comment);
  }

  /**
   * Runs a finished verification of a version again.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param verificationId the verification
   * @param by who asks
   * @return whether there was a finished verification to retry
   */
  public boolean retryVerification(String application, String environment, String artifactReference, String version,
      String verificationId, String by) {
    return promotions.retryVerification(configOf(application), environment, artifactReference, version, verificationId, by);
  }

  /**
   * For each environment and artifact of an application, its versions and their states, newest first.
   *
   * @param application the application
   * @return the statuses; empty if the application has no config
   */
  public List<EnvironmentPromotion> promotionStatus(String application) {
    return store.deliveryConfigForApplication(application)
        .map(c -> promotions.status(c, config.maxConsideredVersions() * 2)).orElse(List.of());
  }

  // ---- freezes

  /**
   * Every change freeze covering an application's resources, with whether it is in force, until when,
   * and when it next starts.
   *
   * @param application the application
   * @return the freezes; empty if the application has no config
   */
  public List<FreezeStatus> freezes(String application) {
    return store.deliveryConfigForApplication(application).map(freezes::statuses).orElse(List.of());
  }

  /**
   * Lets one resource, or every resource of an environment, through the change freezes in force until
   * they end. Who and why are recorded in the history of each resource concerned.
   *
   * @param application the application
   * @param environment the environment
   * @param resourceId one resource of it, or null for the whole environment
   * @param by who
   * @param reason why
   * @throws NoSuchElementException if the application, environment or resource is unknown
   */
  public void overrideFreeze(String application, String environment, @Nullable String resourceId, String by,
      String reason) {
    DeliveryConfig deliveryConfig = configOf(application);
    Environment env = deliveryConfig.environment(environment);
    if (resourceId != null && env.resource(resourceId).isEmpty()) {
      throw new NoSuchElementException("Environment " + environment + " has no resource " + resourceId);
    }
    Instant now = clock().instant();
    String key = resourceId != null ? Freezes.resourceKey(resourceId) : Freezes.environmentKey(deliveryConfig.name(), environment);
    store.savePause(new Pause(PauseScope.FREEZE_OVERRIDE, key, by, now, reason));
    env.resources().stream().map(Resource::id).filter(id -> resourceId == null || id.equals(resourceId)).forEach(id -> {
      record(new ResourceEvent.FreezeOverridden(id, application, now, by, reason));
      triggerCheck(id);
    });
  }

  private DeliveryConfig configOf(String application) {
    return store.deliveryConfigForApplication(application)
        .orElseThrow(() -> new NoSuchElementException("No delivery config for application " + application));
  }

  private Clock clock() {
    return scheduler.clock();
  }

  private void record(ResourceEvent event) {
    checker.record(event);
  }

  private void recordApplication(ApplicationEvent event) {
    store.appendEvent(event);
    checker.publish(event);
  }

  /** Configures a {@link KeelEngine}; only extensions are needed, everything else has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler;
    private KeelStore store;
    private EngineConfig config = EngineConfig.defaults();
    private ArtifactView artifacts;
    private final List<ArtifactSupplier> suppliers = new ArrayList<>();
    private final List<ResourceHandler<?, ?>> handlers = new ArrayList<>();
    private final List<Resolver<?>> resolvers = new ArrayList<>();
    private final List<Veto> vetoes = new ArrayList<>();
    private final List<TaskMonitor> taskMonitors = new ArrayList<>();
    private final List<SpecMigrator<?, ?>> migrators = new ArrayList<>();
    private final List<ConstraintEvaluator<?>> constraintEvaluators = new ArrayList<>();
    private final List<VerificationEvaluator<?>> verificationEvaluators = new ArrayList<>();
    private final List<Path> pluginsRoots = new ArrayList<>();
    private Duration pluginStartDeadline = PluginLoader.DEFAULT_START_DEADLINE;
    @Nullable private PluginLoader building;
    private boolean hostExtensions;
    private Set<String> disabledPlugins = Set.of();
    private final Map<String, Map<String, Object>> pluginConfig = new LinkedHashMap<>();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private byte[] fingerprintSalt;

    private Builder() {}

    /**
     * The salt of the digest that {@code @Sensitive} values enter diff fingerprints with, so that the give-up
     * policy tells one drift of a secret from the next without the fingerprint revealing it. Defaults to a
     * random salt per engine: then a restart sees a drift of a secret as new once. Engines sharing a store
     * should be given the same salt, kept as secret as the values.
     *
     * @param salt at least 16 bytes
     * @return this builder
     */
    public Builder fingerprintSalt(byte[] salt) {
      this.fingerprintSalt = salt.clone();
      return this;
    }

    /**
     * Loads PF4J plugins (zips, jars or directories) from a directory. A plugin that fails to load is
     * skipped and listed in {@link KeelEngine#pluginFailures()}. May be called more than once, each
     * directory adding plugins: those of an earlier directory own the kinds and types they claim, so a
     * later plugin claiming one of them is skipped (see {@link PluginLoader.Builder#pluginsRoot}).
     *
     * @param directory the plugins directory
     * @return this builder
     */
    public Builder plugins(Path directory) {
      this.pluginsRoots.add(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * The plugin start deadline: how long each call into plugin code while the engine is built (a plugin's
     * constructor and {@code start()}, an extension's constructor, its {@code supportedKind()}) may take
     * before the plugin or extension is skipped and reported; 30 seconds by default. Wall-clock time, as
     * plugins load before the engine's scheduler runs.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public Builder pluginStartDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("The plugin start deadline must be positive, not " + deadline);
      }
      this.pluginStartDeadline = deadline;
      return this;
    }

    /** Registers the extensions given in code, whose names plugins may not claim. */
    private void registerOwnInto(KindRegistry.Builder kinds) {
      handlers.forEach(kinds::handler);
      migrators.forEach(m -> kinds.migrator(m, m.getClass().getName()));
      constraintEvaluators.forEach(kinds::evaluator);
      verificationEvaluators.forEach(kinds::verificationEvaluator);
    }

    /**
     * Also loads the extensions on the host's classpath (those indexed by PF4J's annotation processor).
     *
     * @param include whether to load them; false by default
     * @return this builder
     */
    public Builder hostExtensions(boolean include) {
      this.hostExtensions = include;
      return this;
    }

    /**
     * Plugins not to load, by id.
     *
     * @param ids the plugin ids
     * @return this builder
     */
    public Builder disabledPlugins(Set<String> ids) {
      this.disabledPlugins = Set.copyOf(ids);
      return this;
    }

    /**
     * The configuration a plugin's extensions find in {@link dev.keel.spi.KeelContext#config()}.
     *
     * @param pluginId the plugin ({@code host} for classpath extensions)
     * @param settings plain values: maps, lists, strings, numbers, booleans
     * @return this builder
     */
    public Builder pluginConfig(String pluginId, Map<String, Object> settings) {
      pluginConfig.put(Objects.requireNonNull(pluginId, "pluginId"), Map.copyOf(settings));
      return this;
    }

    /**
     * A host service plugins find through {@link dev.keel.spi.KeelContext#service(Class)}, such as a
     * cloud client.
     *
     * @param type the type plugins ask for
     * @param service the service
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder service(Class<T> type, T service) {
      services.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(service, "service")));
      return this;
    }

    /**
     * The clock, when the engine makes its own scheduler; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler (time, timers, threads); by default one over {@link #clock(Clock)} that the engine
     * closes with itself. keel-testkit passes a virtual one.
     *
     * @param scheduler the scheduler, closed by its owner
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The store; an {@link InMemoryStore} by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(KeelStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The configuration; {@link EngineConfig#defaults()} otherwise.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(EngineConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Replaces the artifact view extensions read; by default it is the engine's own promotion state.
     *
     * @param view the view
     * @return this builder
     */
    public Builder artifacts(ArtifactView view) {
      this.artifacts = Objects.requireNonNull(view, "view");
      return this;
    }

    /** @param handler a resource handler @return this builder */
    public Builder handler(ResourceHandler<?, ?> handler) {
      handlers.add(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** @param resolver a resolver @return this builder */
    public Builder resolver(Resolver<?> resolver) {
      resolvers.add(Objects.requireNonNull(resolver, "resolver"));
      return this;
    }

    /** @param veto a veto @return this builder */
    public Builder veto(Veto veto) {
      vetoes.add(Objects.requireNonNull(veto, "veto"));
      return this;
    }

    /** @param monitor a task monitor @return this builder */
    public Builder taskMonitor(TaskMonitor monitor) {
      taskMonitors.add(Objects.requireNonNull(monitor, "monitor"));
      return this;
    }

    /** @param supplier fetches published versions of one artifact type @return this builder */
    public Builder artifactSupplier(ArtifactSupplier supplier) {
      suppliers.add(Objects.requireNonNull(supplier, "supplier"));
      return this;
    }

    /** @param migrator a spec migrator @return this builder */
    public Builder migrator(SpecMigrator<?, ?> migrator) {
      migrators.add(Objects.requireNonNull(migrator, "migrator"));
      return this;
    }

    /** @param evaluator a constraint evaluator @return this builder */
    public Builder constraintEvaluator(ConstraintEvaluator<?> evaluator) {
      constraintEvaluators.add(Objects.requireNonNull(evaluator, "evaluator"));
      return this;
    }

    /** @param evaluator a verification evaluator @return this builder */
    public Builder verificationEvaluator(VerificationEvaluator<?> evaluator) {
      verificationEvaluators.add(Objects.requireNonNull(evaluator, "evaluator"));
      return this;
    }

    /**
     * Builds the engine. No thread is started.
     *
     * @return the engine
     * @throws dev.keel.engine.config.RegistrationConflictException if two extensions claim one kind or type
     */
    public KeelEngine build() {
      try {
        return new KeelEngine(this);
      } catch (RuntimeException | Error e) {
        // A failed build leaves no plugin started and no expanded plugin zip behind.
        if (building != null) {
          building.close();
        }
        throw e;
      } finally {
        building = null;
      }
    }
  }
}
