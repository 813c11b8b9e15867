package dev.keel.engine;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.internal.plugin.PluginLoader;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.Veto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Configures a {@link KeelEngine}; only extensions are needed, everything else has a default. */
public final class KeelEngineBuilder {

  /** The plugin start deadline unless {@link #pluginStartDeadline} sets another: 30 seconds. */
  public static final Duration DEFAULT_PLUGIN_START_DEADLINE = PluginLoader.DEFAULT_START_DEADLINE;

  Clock clock = Clock.systemUTC();
  Scheduler scheduler;
  KeelStore store;
  Function<KindRegistry, ? extends KeelStore> storeFactory;
  EngineConfig config = EngineConfig.defaults();
  ArtifactView artifacts;
  final List<ArtifactSupplier> suppliers = new ArrayList<>();
  final List<ResourceHandler<?, ?>> handlers = new ArrayList<>();
  final List<Resolver<?>> resolvers = new ArrayList<>();
  final List<Veto> vetoes = new ArrayList<>();
  final List<TaskMonitor> taskMonitors = new ArrayList<>();
  final List<SpecMigrator<?, ?>> migrators = new ArrayList<>();
  final List<ConstraintEvaluator<?>> constraintEvaluators = new ArrayList<>();
  final List<VerificationEvaluator<?>> verificationEvaluators = new ArrayList<>();
  final List<Path> pluginsRoots = new ArrayList<>();
  Duration pluginStartDeadline = DEFAULT_PLUGIN_START_DEADLINE;
  boolean hostExtensions;
  Set<String> disabledPlugins = Set.of();
  final Map<String, Map<String, Object>> pluginConfig = new LinkedHashMap<>();
  final Map<Class<?>, Object> services = new LinkedHashMap<>();
  byte[] fingerprintSalt;

  KeelEngineBuilder() {}

  /**
   * The salt of the digest that {@code @Sensitive} values enter diff fingerprints with, so that the give-up
   * policy tells one drift of a secret from the next without the fingerprint revealing it. Defaults to a
   * random salt per engine: then a restart sees a drift of a secret as new once. Engines sharing a store
   * should be given the same salt, kept as secret as the values.
   *
   * @param salt at least 16 bytes
   * @return this builder
   */
  public KeelEngineBuilder fingerprintSalt(byte[] salt) {
    this.fingerprintSalt = salt.clone();
    return this;
  }

  /**
   * Loads PF4J plugins (zips, jars or directories) from a directory. A plugin that fails to load is
   * skipped and listed in {@link KeelEngine#pluginFailures()}. May be called more than once, each
   * directory adding plugins: those of an earlier directory own the kinds and types they claim, so a
   * later plugin claiming one of them is skipped and reported; plugins of one directory claiming one name are
   * all skipped.
   *
   * @param directory the plugins directory
   * @return this builder
   */
  public KeelEngineBuilder plugins(Path directory) {
    this.pluginsRoots.add(Objects.requireNonNull(directory, "directory"));
    return this;
  }

  /**
   * The plugin start deadline: how long each call into plugin code while the engine is built (a plugin's
   * constructor and {@code start()}, an extension's constructor, its {@code supportedKind()}) may take
   * before the plugin or extension is skipped and reported; {@link #DEFAULT_PLUGIN_START_DEADLINE} by default.
   * Wall-clock time, as plugins load before the engine's scheduler runs.
   *
   * @param deadline a positive duration
   * @return this builder
   */
  public KeelEngineBuilder pluginStartDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("The plugin start deadline must be positive, not " + deadline);
    }
    this.pluginStartDeadline = deadline;
    return this;
  }

  /** Registers the extensions given in code, whose names plugins may not claim. */
  void registerOwnInto(KindRegistry.Builder kinds) {
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
  public KeelEngineBuilder hostExtensions(boolean include) {
    this.hostExtensions = include;
    return this;
  }

  /**
   * Plugins not to load, by id.
   *
   * @param ids the plugin ids
   * @return this builder
   */
  public KeelEngineBuilder disabledPlugins(Set<String> ids) {
    this.disabledPlugins = Set.copyOf(ids);
    return this;
  }

  /**
   * The configuration a plugin's extensions find in {@link dev.keel.spi.KeelContext#config()}; for that
   * plugin it replaces what {@link EngineConfig#pluginConfigs()} gives.
   *
   * @param pluginId the plugin ({@code host} for classpath extensions)
   * @param settings plain values: maps, lists, strings, numbers, booleans
   * @return this builder
   */
  public KeelEngineBuilder pluginConfig(String pluginId, Map<String, Object> settings) {
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
  public <T> KeelEngineBuilder service(Class<T> type, T service) {
    services.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(service, "service")));
    return this;
  }

  /**
   * The clock, when the engine makes its own scheduler; the system UTC clock by default.
   *
   * @param clock the clock
   * @return this builder
   */
  public KeelEngineBuilder clock(Clock clock) {
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
  public KeelEngineBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * The store; an {@link InMemoryStore} by default. The host keeps it and closes it. Replaces a store factory given
   * before.
   *
   * @param store the store
   * @return this builder
   * @see #store(Function)
   */
  public KeelEngineBuilder store(KeelStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.storeFactory = null;
    return this;
  }

  /**
   * A store the engine makes for itself from the kinds it knows, for stores that keep configs as text and read them
   * back with the engine's config reader, such as keel-store-jdbc's {@code JdbcKeelStore}:
   *
   * <pre>{@code
   * KeelEngine engine = KeelEngine.builder()
   *     .plugins(pluginsDir)
   *     .store(kinds -> JdbcKeelStore.builder().dataSource(dataSource).kinds(kinds).build())
   *     .build();
   * }</pre>
   *
   * <p>{@link #build()} calls the factory once, after the plugins are loaded, with the registry of every kind,
   * constraint, verification and artifact type its handlers and plugins bring (the engine's
   * {@link KeelEngine#registry()}). The engine owns the store made: {@link KeelEngine#close()} closes it if it is
   * {@link AutoCloseable}, as does a build that fails after it was made. Replaces a store given before.
   *
   * @param factory makes the store from the engine's kinds; it must not return null
   * @return this builder
   */
  public KeelEngineBuilder store(Function<KindRegistry, ? extends KeelStore> factory) {
    this.storeFactory = Objects.requireNonNull(factory, "factory");
    this.store = null;
    return this;
  }

  /**
   * The configuration; {@link EngineConfig#defaults()} otherwise.
   *
   * @param config the configuration
   * @return this builder
   */
  public KeelEngineBuilder config(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    return this;
  }

  /**
   * Replaces the artifact view extensions read; by default it is the engine's own promotion state.
   *
   * @param view the view
   * @return this builder
   */
  public KeelEngineBuilder artifacts(ArtifactView view) {
    this.artifacts = Objects.requireNonNull(view, "view");
    return this;
  }

  /** @param handler a resource handler @return this builder */
  public KeelEngineBuilder handler(ResourceHandler<?, ?> handler) {
    handlers.add(Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** @param resolver a resolver @return this builder */
  public KeelEngineBuilder resolver(Resolver<?> resolver) {
    resolvers.add(Objects.requireNonNull(resolver, "resolver"));
    return this;
  }

  /** @param veto a veto @return this builder */
  public KeelEngineBuilder veto(Veto veto) {
    vetoes.add(Objects.requireNonNull(veto, "veto"));
    return this;
  }

  /** @param monitor a task monitor @return this builder */
  public KeelEngineBuilder taskMonitor(TaskMonitor monitor) {
    taskMonitors.add(Objects.requireNonNull(monitor, "monitor"));
    return this;
  }

  /** @param supplier fetches published versions of one artifact type @return this builder */
  public KeelEngineBuilder artifactSupplier(ArtifactSupplier supplier) {
    suppliers.add(Objects.requireNonNull(supplier, "supplier"));
    return this;
  }

  /** @param migrator a spec migrator @return this builder */
  public KeelEngineBuilder migrator(SpecMigrator<?, ?> migrator) {
    migrators.add(Objects.requireNonNull(migrator, "migrator"));
    return this;
  }

  /** @param evaluator a constraint evaluator @return this builder */
  public KeelEngineBuilder constraintEvaluator(ConstraintEvaluator<?> evaluator) {
    constraintEvaluators.add(Objects.requireNonNull(evaluator, "evaluator"));
    return this;
  }

  /** @param evaluator a verification evaluator @return this builder */
  public KeelEngineBuilder verificationEvaluator(VerificationEvaluator<?> evaluator) {
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
    return new KeelEngine(new EngineWiring(this));
  }
}
