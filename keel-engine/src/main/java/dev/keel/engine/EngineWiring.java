package dev.keel.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.diff.Differ;
import dev.keel.engine.diff.DifferBuilder;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.internal.check.CheckExtensions;
import dev.keel.engine.internal.check.EventRecorder;
import dev.keel.engine.internal.check.ResourceChecker;
import dev.keel.engine.internal.freeze.Freezes;
import dev.keel.engine.internal.plugin.Loaded;
import dev.keel.engine.internal.plugin.LoadedExtensions;
import dev.keel.engine.internal.plugin.PluginLoader;
import dev.keel.engine.internal.promotion.EvaluatorCalls;
import dev.keel.engine.internal.promotion.Promotions;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.schedule.SystemScheduler;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Simulator;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.Veto;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an engine's components from its builder, each from the ones before it. The two loops trigger
 * each other (an approval has resources checked; a check that makes a version current has promotion
 * checked), so each loop builds what calls it back and hands it its own trigger: the check loop builds
 * the promotion loop and the checker, the promotion loop builds promotion. Nothing is bound late.
 */
final class EngineWiring {

  private static final Logger LOG = LoggerFactory.getLogger(EngineWiring.class);

  final EngineConfig config;
  final KeelStore store;
  /** Whether the engine closes the store: one its builder's factory made. */
  final boolean ownsStore;
  final Scheduler scheduler;
  final boolean ownsScheduler;
  final EventBus bus = new EventBus();
  final EventRecorder recorder;
  @Nullable final PluginLoader plugins;
  final List<PluginFailure> pluginFailures;
  final List<Simulator> simulators;
  final Map<ResourceKind, ResourceHandler<?, ?>> handlers = new LinkedHashMap<>();
  final KindRegistry registry;
  final ConfigReader reader;
  final Freezes freezes;
  /** One set of extension calls for the whole engine, so each plugin's stuck calls are counted once. */
  final DeadlineCalls calls;
  final CheckLoop checks;
  final PromotionLoop promotionLoop;
  final Promotions promotions;
  final ResourceChecker checker;
  final TaskTracker tasks;
  final ConfigChanges configChanges;

  EngineWiring(KeelEngineBuilder b) {
    this.config = b.config;
    this.ownsStore = b.store == null && b.storeFactory != null;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler != null ? b.scheduler : new SystemScheduler(b.clock, "keel-" + config.instanceId());
    // Promotion's view reads only the store, which is made once the plugins have brought their kinds: plugins get
    // the view before, bound to the store as soon as it exists.
    LateArtifactView lateView = new LateArtifactView();
    ArtifactView artifactView = b.artifacts != null ? b.artifacts : lateView;
    this.plugins = plugins(b, artifactView);
    KeelStore made = null;
    try {
      LoadedExtensions loaded = plugins != null ? plugins.load() : LoadedExtensions.empty();
      this.pluginFailures = loaded.failures();
      this.simulators = loaded.simulators().stream().map(Loaded::extension).collect(Collectors.toUnmodifiableList());
      KindRegistry.Builder kinds = KindRegistry.builder();
      b.registerOwnInto(kinds);
      loaded.registerInto(kinds);
      this.registry = kinds.build();
      if (b.store == null && b.storeFactory != null) {
        made = Objects.requireNonNull(b.storeFactory.apply(registry), "the store factory returned null");
      }
      this.store = b.store != null ? b.store : made != null ? made : new InMemoryStore(config.retention());
      lateView.bind(Promotions.view(store));
      this.recorder = new EventRecorder(store, bus);
      this.freezes = new Freezes(store, clock(), config.operatorFreezes());
      this.reader = ConfigReader.builder().registry(registry).build();
      // Plugin extensions first, then those given to the builder; the builder's lists stay untouched.
      join(loaded.handlers(), b.handlers).forEach(h -> handlers.put(h.supportedKind().kind(), h));
      Map<String, TaskMonitor> monitors = TaskTracker.bySystem(join(loaded.taskMonitors(), b.taskMonitors));
      this.calls = new DeadlineCalls(scheduler, config.maxStuckCallsPerPlugin());
      List<ConstraintEvaluator<?>> evaluators = join(loaded.constraintEvaluators(), b.constraintEvaluators);
      List<VerificationEvaluator<?>> verifiers = join(loaded.verificationEvaluators(), b.verificationEvaluators);
      ResourceChecker.Builder checkerBuilder = ResourceChecker.builder()
          .store(store)
          .scheduler(scheduler)
          .calls(calls)
          .differ(differ(b.fingerprintSalt))
          .extensions(new CheckExtensions(handlers, join(loaded.resolvers(), b.resolvers), vetoes(loaded, b),
              name -> !config.disabledResolvers().contains(name)))
          .giveUpPolicy(config.giveUpPolicy())
          .callTimeout(config.callTimeout())
          .artifacts(artifactView)
          .recorder(recorder)
          .monitoredSystems(monitors.keySet());
      this.checks = new CheckLoop(config, store, scheduler, freezes,
          recheckResource -> new PromotionLoop(config, store, scheduler, join(loaded.artifactSuppliers(), b.suppliers),
              calls, (recheckConfig, waiter) -> new Promotions(store, clock(), evaluators, verifiers, recheckResource,
                  recheckConfig, config.maxConsideredVersions(), config.defaultTimeZone(), bus,
                  new EvaluatorCalls(calls, waiter, config.callTimeout(), clock(), recorder::record))),
          gate -> checkerBuilder.gate(gate).build());
      this.promotionLoop = checks.promotionLoop();
      this.promotions = promotionLoop.promotions();
      this.checker = checks.checker();
      this.tasks = new TaskTracker(store, scheduler, calls, monitors, config.callTimeout(), recorder::record,
          checks::trigger);
      tasks.interval(config.taskPollInterval());
      this.configChanges = new ConfigChanges(store, clock(), recorder, checks, promotionLoop);
    } catch (RuntimeException | Error e) {
      // A failed build leaves no plugin started, no expanded plugin zip and no store it made behind.
      closeQuietly(made, e);
      if (plugins != null) {
        plugins.close();
      }
      if (ownsScheduler) {
        scheduler.close();
      }
      throw e;
    }
  }

  private static void closeQuietly(@Nullable Object resource, Throwable failure) {
    if (resource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Stops the loops, then the scheduler and plugins the engine made, then the store its factory made. */
  void close() {
    checks.close();
    promotionLoop.close();
    tasks.close();
    if (ownsScheduler) {
      scheduler.close();
    }
    if (plugins != null) {
      plugins.close();
    }
    if (ownsStore && store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Could not close the store", e);
      }
    }
  }

  @Nullable
  private PluginLoader plugins(KeelEngineBuilder b, ArtifactView artifactView) {
    if (b.pluginsRoots.isEmpty() && !b.hostExtensions) {
      return null;
    }
    PluginLoader.Builder loader = PluginLoader.builder()
        .includeHostExtensions(b.hostExtensions)
        .disabledPlugins(b.disabledPlugins)
        .startDeadline(b.pluginStartDeadline)
        .hostClaims(b::registerOwnInto)
        .contextFactory(pluginId -> new EngineContext(clock(),
            b.pluginConfig.getOrDefault(pluginId, config.pluginConfig(pluginId)),
            b.services, artifactView, this::recordPluginEvent));
    b.pluginsRoots.forEach(loader::pluginsRoot);
    return loader.build();
  }

  /** Records an extension's event in the history of the resource it names; other events are only logged. */
  private void recordPluginEvent(PluginEvent event) {
    String id = event.resourceId();
    if (recorder == null) { // while plugins load, before the store exists
      LOG.info("{}: {} ({})", event.source(), event.message(), event.type());
      return;
    }
    Optional<StoredResource> resource = id == null ? Optional.empty() : store.resource(id);
    if (resource.isEmpty()) {
      LOG.info("{}: {} ({})", event.source(), event.message(), event.type());
      return;
    }
    recorder.record(new ResourceEvent.FromPlugin(id, resource.get().resource().application(), clock().instant(), event));
  }

  /** Freezes are asked first, then the plugins' vetoes, then the builder's. */
  private List<Veto> vetoes(LoadedExtensions loaded, KeelEngineBuilder b) {
    List<Veto> vetoes = new ArrayList<>(List.of(freezes));
    vetoes.addAll(join(loaded.vetoes(), b.vetoes));
    return vetoes;
  }

  private static Differ differ(@Nullable byte[] fingerprintSalt) {
    DifferBuilder differ = Differ.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()));
    if (fingerprintSalt != null) {
      differ.fingerprintSalt(fingerprintSalt);
    }
    return differ.build();
  }

  private static <T> List<T> join(List<Loaded<T>> loaded, List<? extends T> given) {
    List<T> all = loaded.stream().map(Loaded::extension).collect(Collectors.toCollection(ArrayList::new));
    all.addAll(given);
    return all;
  }

  Clock clock() {
    return scheduler.clock();
  }

  /** The config of an application, for the controls that name one. */
  DeliveryConfig configOf(String application) {
    return store.deliveryConfigForApplication(application)
        .orElseThrow(() -> new NoSuchElementException("No delivery config for application " + application));
  }

  /** A managed resource, for the controls that name one. */
  StoredResource managed(String resourceId) {
    return store.resource(resourceId).orElseThrow(() -> new NoSuchElementException("No managed resource " + resourceId));
  }
}
