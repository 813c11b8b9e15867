package dev.keel.engine.internal.plugin;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.KeelContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Keel extensions: PF4J plugins (zips, jars and directories) from a plugins root, and extensions
 * listed on the host's classpath.
 *
 * <p>Each plugin gets its own class loader, plugin first except for {@code dev.keel.spi}, {@code org.pf4j},
 * {@code org.slf4j}, {@code com.fasterxml.jackson.annotation} and the port API packages
 * {@code dev.keel.<name>.api}, which always come from the host. Zips are plain PF4J zips or Spinnaker (kork)
 * bundles holding one zip per service, of which {@code keel-sdk.zip}, else {@code keel.zip}, is loaded. A
 * plugin's {@code Plugin-Requires} is checked against the engine version. A descriptor may name the plugin's
 * former ids ({@code plugin.aliases}), under which hosts may still enable, disable and configure it for one
 * release. Each extension is constructed once per {@link #load()}, with a {@link KeelContext} if it has a
 * public constructor taking one: first the simulators, whose clouds every context then offers
 * ({@code KeelContext.simulated}), then the rest. A plugin that cannot be read, is not satisfied by this
 * engine, misses a dependency, fails to start, has no extensions or says it cannot work here
 * ({@code PluginUnavailableException}), and an extension that cannot be constructed, is reported in
 * {@link LoadedExtensions#failures()} (and logged) and skipped; everything else loads. Plugin code runs under
 * the {@linkplain Builder#startDeadline plugin start deadline}, so a plugin whose constructor or
 * {@code start()} hangs is skipped, not waited for. A plugin whose {@code supportedKind()} (or another claim)
 * throws or returns null, or that claims a name the host or an earlier plugins root owns, is skipped; plugins
 * of one root claiming one name are all skipped. Runs on PF4J 3.10 and later.
 *
 * <pre>{@code
 * try (PluginLoader plugins = PluginLoader.builder()
 *     .pluginsRoot(Path.of("plugins"))
 *     .contextFactory(pluginId -> engineContextFor(pluginId))
 *     .disabledPlugins(Set.of("experimental"))
 *     .build()) {
 *   LoadedExtensions loaded = plugins.load();
 *   loaded.failures().forEach(f -> log.warn("{}", f));
 *   KindRegistry kinds = loaded.registerInto(KindRegistry.builder()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: load once, use the extensions, close.
 */
public final class PluginLoader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  /** The plugin start deadline unless {@link Builder#startDeadline} sets another. */
  public static final Duration DEFAULT_START_DEADLINE = Duration.ofSeconds(30);

  private final List<Path> pluginsRoots;
  private final String systemVersion;
  private final Duration startDeadline;
  private final Consumer<KindRegistry.Builder> hostClaims;
  private final Function<String, KeelContext> contextFactory;
  @Nullable private final Set<String> enabledPlugins;
  private final Set<String> disabledPlugins;
  private final boolean includeHostExtensions;
  private final ClassLoader hostClassLoader;

  @Nullable private KeelPluginManager manager;
  @Nullable private Path workDir;
  @Nullable private PluginCalls calls;
  /** Expanded zip directories and the zips they came from, so that failures name the user's file. */
  private final Map<Path, Path> expandedFrom = new HashMap<>();
  private boolean closed;

  private PluginLoader(Builder b, Function<String, KeelContext> contextFactory) {
    this.pluginsRoots = List.copyOf(b.pluginsRoots);
    this.systemVersion = b.systemVersion;
    this.startDeadline = b.startDeadline;
    this.hostClaims = b.hostClaims;
    this.contextFactory = contextFactory;
    this.enabledPlugins = b.enabledPlugins;
    this.disabledPlugins = b.disabledPlugins;
    this.includeHostExtensions = b.includeHostExtensions;
    this.hostClassLoader = b.hostClassLoader;
  }

  /**
   * A builder. A {@link Builder#contextFactory} or a {@link Builder#clock} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine's version as plugins see it: the build's version without {@code -SNAPSHOT}, such as
   * {@code 0.1.0}. It is PF4J's system version and what {@code Plugin-Requires} is checked against.
   *
   * @return the version
   * @throws IllegalStateException if the version resource the build writes is missing
   */
  public static String engineVersion() {
    return EngineVersion.system();
  }

  /**
   * Loads and starts every enabled plugin, then constructs the extensions of the host's classpath (unless
   * turned off) and of every started plugin. Call once.
   *
   * @return the extensions and the failures
   * @throws IllegalStateException if called twice or after {@link #close()}
   * @throws UncheckedIOException if the plugins root cannot be listed or a work directory not created
   */
  public LoadedExtensions load() {
    if (closed || manager != null) {
      throw new IllegalStateException(closed ? "This PluginLoader is closed" : "load() may be called only once");
    }
    calls = new PluginCalls(startDeadline);
    KeelPluginManager pf4j = new KeelPluginManager(systemVersion, hostClassLoader, contextFactory, enabledPlugins,
        disabledPlugins, calls);
    manager = pf4j;
    try {
      return load(pf4j);
    } catch (RuntimeException | Error e) {
      // A load that fails leaves nothing behind: no started plugin, no expanded zip.
      close();
      throw e;
    }
  }

  private LoadedExtensions load(KeelPluginManager pf4j) {
    List<PluginFailure> failures = new ArrayList<>();
    KeelPluginManager.FailureSink sink = (id, path, reason) -> failures.add(new PluginFailure(id, userPath(path), reason));
    Map<String, Integer> tierOf = new HashMap<>();
    if (!pluginsRoots.isEmpty()) {
      Set<String> disabledIds = new HashSet<>();
      Map<String, Path> loadedFrom = new HashMap<>();
      for (int tier = 0; tier < pluginsRoots.size(); tier++) {
        for (String id : loadPlugins(pf4j, pluginsRoots.get(tier), sink, disabledIds, loadedFrom)) {
          tierOf.put(id, tier);
        }
      }
      if (enabledPlugins != null) {
        for (String id : enabledPlugins) {
          if (!loadedFrom.containsKey(id) && !disabledPlugins.contains(id)) {
            log.warn("Enabled plugin '{}' was not found in {}", id, pluginsRoots);
          }
        }
      }
      pf4j.resolve(disabledIds, logging(sink));
      pf4j.start(logging(sink));
    }
    ExtensionCollector collector = new ExtensionCollector(pf4j, sink);
    List<ExtensionCollector.Source> sources = new ArrayList<>();
    if (includeHostExtensions) {
      sources.add(new ExtensionCollector.Source(Loaded.HOST, hostClassLoader, null));
    }
    List<PluginWrapper> started = pf4j.started();
    started.sort(Comparator.comparing(PluginWrapper::getPluginId));
    for (PluginWrapper plugin : started) {
      sources.add(new ExtensionCollector.Source(plugin.getPluginId(), plugin.getPluginClassLoader(),
          plugin.getPluginPath()));
    }
    collector.collect(sources);
    started.removeIf(plugin -> collector.unavailable().contains(plugin.getPluginId()));
    LoadedExtensions collected = collector.result(failures);
    List<Set<String>> tiers = new ArrayList<>();
    for (int tier = 0; tier < pluginsRoots.size(); tier++) {
      Set<String> ids = new HashSet<>();
      for (PluginWrapper plugin : started) {
        if (tierOf.get(plugin.getPluginId()) == tier) {
          ids.add(plugin.getPluginId());
        }
      }
      tiers.add(ids);
    }
    Map<String, String> rejected = new PluginClaims(collected, hostClaims, calls).rejected(tiers);
    List<PluginFailure> conflicts = new ArrayList<>();
    rejected.forEach((id, reason) -> {
      PluginWrapper plugin = pf4j.getPlugin(id);
      Path path = plugin == null ? null : userPath(plugin.getPluginPath());
      log.warn("Skipping plugin '{}' ({}): {}", id, path, reason);
      conflicts.add(new PluginFailure(id, path, reason));
      pf4j.discard(id);
    });
    LoadedExtensions loaded = collected.without(rejected.keySet(), conflicts);
    List<String> ids = pf4j.started().stream().map(PluginWrapper::getPluginId).sorted().toList();
    log.info("Loaded {} plugin(s) on engine {}: {}; {} failure(s)", ids.size(), systemVersion, ids,
        loaded.failures().size());
    return loaded;
  }

  /** The user's zip for a directory it was expanded into. */
  @Nullable
  private Path userPath(@Nullable Path path) {
    return path == null ? null : expandedFrom.getOrDefault(path, path);
  }

  /** The PF4J manager behind this loader, once loaded; for tests in this package. */
  @Nullable
  KeelPluginManager pf4j() {
    return manager;
  }

  /** Loads the plugins of one root; returns the ids loaded. */
  private List<String> loadPlugins(KeelPluginManager pf4j, Path root, KeelPluginManager.FailureSink sink,
      Set<String> disabledIds, Map<String, Path> loadedFrom) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("The plugins root " + root + " is not a directory");
    }
    List<Path> candidates;
    try {
      candidates = PluginArchives.candidates(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the plugins root " + root, e);
    }
    List<String> loaded = new ArrayList<>();
    for (Path candidate : candidates) {
      String id = PluginArchives.baseName(candidate);
      Path loadable = candidate;
      try {
        if (PluginArchives.kind(candidate) == PluginArchives.Kind.ZIP) {
          try {
            loadable = PluginArchives.expand(candidate, workDir());
            expandedFrom.put(loadable, candidate);
          } catch (IOException e) {
            throw new IllegalArgumentException("is not a readable plugin zip: " + KeelExtensionFactory.describe(e), e);
          }
        }
        PluginDescriptor descriptor;
        try {
          descriptor = pf4j.describe(loadable);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("has no valid plugin descriptor (plugin.properties or MANIFEST.MF "
              + "Plugin-* entries): " + reason(e), e);
        }
        id = descriptor.getPluginId();
        if (pf4j.isDisabled(descriptor)) {
          log.info("Plugin '{}' ({}) is disabled", id, candidate);
          disabledIds.add(id);
          continue;
        }
        Path earlier = loadedFrom.putIfAbsent(id, candidate);
        if (earlier != null) {
          throw new IllegalArgumentException("has the same plugin id as " + earlier + ", which is already loaded");
        }
        pf4j.checkRequires(descriptor);
        pf4j.load(loadable);
        loaded.add(id);
      } catch (RuntimeException | LinkageError e) {
        String reason = e instanceof IllegalArgumentException ? e.getMessage() : reason(e);
        log.warn("Skipping plugin '{}' ({}): {}", id, candidate, reason);
        sink.fail(id, candidate, reason);
        loadedFrom.remove(id, candidate);
        if (!loadable.equals(candidate) && pf4j.getPlugin(id) == null) {
          PluginArchives.deleteQuietly(loadable);
        }
      }
    }
    return loaded;
  }

  private static KeelPluginManager.FailureSink logging(KeelPluginManager.FailureSink sink) {
    return (id, path, reason) -> {
      log.warn("Skipping plugin '{}' ({}): {}", id, path, reason);
      sink.fail(id, path, reason);
    };
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null ? KeelExtensionFactory.describe(e) : e.getMessage();
  }

  private Path workDir() throws IOException {
    if (workDir == null) {
      workDir = Files.createTempDirectory("keel-plugins-");
    }
    return workDir;
  }

  /**
   * Stops every plugin (last started first), unloads them, closes their class loaders and deletes the
   * directory zips were expanded into. Extensions from {@link #load()} must not be used afterwards.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (manager != null) {
        manager.shutdown();
      }
    } finally {
      if (calls != null) {
        calls.close();
      }
      if (workDir != null) {
        PluginArchives.deleteQuietly(workDir);
      }
    }
  }

  /** Configures a {@link PluginLoader}. */
  public static final class Builder {
    private final List<Path> pluginsRoots = new ArrayList<>();
    private Duration startDeadline = DEFAULT_START_DEADLINE;
    private Consumer<KindRegistry.Builder> hostClaims = registry -> { };
    private String systemVersion;
    @Nullable private Function<String, KeelContext> contextFactory;
    @Nullable private Clock clock;
    @Nullable private Set<String> enabledPlugins;
    private Set<String> disabledPlugins = Set.of();
    private boolean includeHostExtensions = true;
    private ClassLoader hostClassLoader = PluginLoader.class.getClassLoader();

    private Builder() {}

    /**
     * A directory holding plugins: PF4J zips ({@code plugin.properties}, {@code classes/}, {@code lib/}),
     * jars with {@code Plugin-*} manifest entries, or expanded directories. Optional: without one only the
     * host's classpath extensions load. May be given more than once: the plugins of an earlier directory
     * own the names they claim (kinds, constraint and verification types), so a plugin of a later one that
     * claims such a name is skipped and reported; plugins of one directory claiming one name are all
     * skipped.
     *
     * @param pluginsRoot the directory
     * @return this builder
     */
    public Builder pluginsRoot(Path pluginsRoot) {
      this.pluginsRoots.add(Objects.requireNonNull(pluginsRoot, "pluginsRoot"));
      return this;
    }

    /**
     * The plugin start deadline: how long each call into plugin code during {@link PluginLoader#load()}
     * (a plugin's constructor and {@code start()}, an extension's constructor, its {@code supportedKind()}
     * and the like, and a plugin's {@code stop()} on close) may take. A call that misses it is interrupted,
     * abandoned, and its plugin (or extension) reported and skipped. Wall-clock time; 30 seconds by default.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public Builder startDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("The plugin start deadline must be positive, not " + deadline);
      }
      this.startDeadline = deadline;
      return this;
    }

    /**
     * The names the host registers itself (its own handlers, migrators and evaluators, given to the engine
     * in code), which plugins may not claim: a plugin that does is skipped and reported. Registered into
     * scratch registries while claims are checked, so it must be repeatable.
     *
     * @param registrations registers the host's names
     * @return this builder
     */
    public Builder hostClaims(Consumer<KindRegistry.Builder> registrations) {
      this.hostClaims = Objects.requireNonNull(registrations, "registrations");
      return this;
    }

    /**
     * The version {@code Plugin-Requires} is checked against; by default {@link #engineVersion()}. A
     * plugin's requires is a PF4J version expression ({@code >=1.2.0}, {@code >=1.0.0 & <2.0.0}; a bare
     * {@code 1.2.3} means {@code >=1.2.3}) or Spinnaker's list ({@code keel>=1.2.0, orca>=2.0.0}), whose
     * entry for this engine's service, {@code keel-sdk}, else for {@code keel}, is checked; a list without
     * either rejects the plugin.
     *
     * @param systemVersion a semantic version such as {@code 1.4.0}
     * @return this builder
     */
    public Builder systemVersion(String systemVersion) {
      this.systemVersion = Objects.requireNonNull(systemVersion, "systemVersion");
      return this;
    }

    /**
     * What extensions taking a {@link KeelContext} are given: asked once per plugin and load with the
     * plugin's id, or {@value Loaded#HOST} for classpath extensions. Either this or {@link #clock} is
     * required; the engine supplies its own.
     *
     * @param contextFactory the factory
     * @return this builder
     */
    public Builder contextFactory(Function<String, KeelContext> contextFactory) {
      this.contextFactory = Objects.requireNonNull(contextFactory, "contextFactory");
      return this;
    }

    /**
     * Without a {@link #contextFactory}, gives extensions a minimal context on this clock: no
     * configuration, no services, an empty artifact view, and events only logged. Meant for tools and
     * tests; there is deliberately no default clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Plugin ids that are not loaded. A plugin that depends on one fails with a reason.
     *
     * @param ids the ids
     * @return this builder
     */
    public Builder disabledPlugins(Set<String> ids) {
      this.disabledPlugins = Set.copyOf(ids);
      return this;
    }

    /**
     * If set, only these plugin ids are loaded (still minus the {@link #disabledPlugins}).
     *
     * @param ids the ids
     * @return this builder
     */
    public Builder enabledPlugins(Set<String> ids) {
      this.enabledPlugins = Set.copyOf(ids);
      return this;
    }

    /**
     * Whether extensions listed in {@code META-INF/extensions.idx} on the host's classpath load too, as
     * plugin {@value Loaded#HOST}. True by default.
     *
     * @param include whether to include them
     * @return this builder
     */
    public Builder includeHostExtensions(boolean include) {
      this.includeHostExtensions = include;
      return this;
    }

    /**
     * The host's class loader: the parent of every plugin's class loader and where host extensions are
     * loaded from. By default the one that loaded the engine.
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder hostClassLoader(ClassLoader loader) {
      this.hostClassLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Builds the loader; nothing is read until {@link PluginLoader#load()}.
     *
     * @return the loader
     * @throws IllegalStateException if neither a context factory nor a clock was given, or the engine's
     *     version cannot be read
     * @throws IllegalArgumentException if the system version is not a semantic version
     */
    public PluginLoader build() {
      Function<String, KeelContext> factory = contextFactory;
      if (factory == null) {
        if (clock == null) {
          throw new IllegalStateException("PluginLoader needs a contextFactory(...) or, for a minimal context, "
              + "a clock(...): extensions must not read the system clock");
        }
        Clock c = clock;
        factory = pluginId -> new MinimalContext(c, pluginId);
      }
      if (systemVersion == null) {
        systemVersion = EngineVersion.system();
      }
      try {
        new DefaultVersionManager().checkVersionConstraint(systemVersion, ">=0.0.0");
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("systemVersion '" + systemVersion + "' is not a semantic version such as 1.2.0", e);
      }
      return new PluginLoader(this, factory);
    }
  }
}
