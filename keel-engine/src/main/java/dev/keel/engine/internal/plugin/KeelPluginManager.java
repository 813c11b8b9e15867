package dev.keel.engine.internal.plugin;

import dev.keel.spi.KeelContext;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's {@link DefaultPluginManager} with Keel's rules: the engine version as the system version and
 * {@code Plugin-Requires} always enforced, {@link KeelPluginClassLoader}s, one instance per extension,
 * enable and disable by id, and every plugin that cannot load, resolve or start removed and reported
 * rather than logged. Paths are handed to it one by one by {@link PluginLoader}; it scans no directory.
 *
 * <p>Only methods present in PF4J 3.10 are called or relied on.
 */
final class KeelPluginManager extends DefaultPluginManager {

  private static final Logger log = LoggerFactory.getLogger(KeelPluginManager.class);

  /** Receives a plugin that was skipped and why. */
  interface FailureSink {
    void fail(String pluginId, @Nullable Path path, String reason);
  }

  // Set after PF4J's constructor, which already calls the create* methods: those read them lazily.
  private String engineVersion;
  private ClassLoader host;
  private Function<String, KeelContext> contexts;
  @Nullable private Set<String> enabled;
  private Set<String> disabled;
  private PluginCalls calls;
  private final SimulatedClouds simulatedClouds = new SimulatedClouds();

  KeelPluginManager(String systemVersion, ClassLoader host, Function<String, KeelContext> contexts,
      @Nullable Set<String> enabled, Set<String> disabled, PluginCalls calls) {
    super(List.of());
    this.calls = calls;
    this.engineVersion = systemVersion;
    this.host = host;
    this.contexts = contexts;
    this.enabled = enabled;
    this.disabled = disabled;
    setSystemVersion(systemVersion);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Never PF4J's development mode (set by -Dpf4j.mode), which swaps in other repositories and loaders.
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new PluginRepository() {
      @Override
      public List<Path> getPluginPaths() {
        return List.of();
      }

      @Override
      public boolean deletePluginPath(Path pluginPath) {
        return false;
      }
    };
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return KeelPluginLoaders.create(this, () -> host);
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    KeelExtensionFinder finder = new KeelExtensionFinder(this, () -> host);
    addPluginStateListener(finder);
    return finder;
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new KeelDescriptorFinder();
  }

  /** The former ids of a plugin, as its descriptor names them. */
  List<String> aliasesOf(String pluginId) {
    return ((KeelDescriptorFinder) getPluginDescriptorFinder()).aliasesOf(pluginId);
  }

  /** The clouds the loaded simulators offer. */
  SimulatedClouds simulatedClouds() {
    return simulatedClouds;
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new KeelPluginFactory();
  }

  @Override
  protected ExtensionFactory createExtensionFactory() {
    return new KeelExtensionFactory(this::pluginIdOf,
        id -> new PluginContext(id, aliasesOf(id), pluginId -> contexts.apply(pluginId), simulatedClouds));
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new PluginStatusProvider() {
      @Override
      public boolean isPluginDisabled(String pluginId) {
        return KeelPluginManager.this.isDisabledById(pluginId);
      }

      @Override
      public void disablePlugin(String pluginId) {
        // Enable and disable lists are the host's configuration; nothing is written back.
      }

      @Override
      public void enablePlugin(String pluginId) {
        // As above.
      }
    };
  }

  /** Whether a plugin is disabled, by its id or (deprecated) by one of its former ids. */
  boolean isDisabledById(String pluginId) {
    List<String> former = aliasesOf(pluginId);
    if (disabled.contains(pluginId) || former.stream().anyMatch(disabled::contains)) {
      return true;
    }
    return enabled != null && !enabled.contains(pluginId) && former.stream().noneMatch(enabled::contains);
  }

  /**
   * Whether a plugin is disabled, warning when the host named it by a former id.
   *
   * @param descriptor the plugin's descriptor, read by {@link #describe}
   */
  boolean isDisabled(PluginDescriptor descriptor) {
    String id = descriptor.getPluginId();
    for (String alias : aliasesOf(id)) {
      if (disabled.contains(alias) || (enabled != null && enabled.contains(alias))) {
        log.warn("Plugin id '{}' is deprecated and will stop working in the next release: enable or disable"
            + " plugin '{}' by its new id", alias, id);
      }
    }
    return isDisabledById(id);
  }

  /** The id of the plugin whose class loader defined a class, or {@value Loaded#HOST}. */
  String pluginIdOf(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    for (Map.Entry<String, ClassLoader> e : pluginClassLoaders.entrySet()) {
      if (e.getValue() == loader) {
        return e.getKey();
      }
    }
    return Loaded.HOST;
  }

  /** The extension class names a plugin's index lists, or the host classpath's for {@value Loaded#HOST}. */
  Set<String> extensionClassNames(String pluginId) {
    return extensionFinder.findClassNames(Loaded.HOST.equals(pluginId) ? null : pluginId);
  }

  /** Where plugin code runs during a load: under the plugin start deadline. */
  PluginCalls calls() {
    return calls;
  }

  ClassLoader hostClassLoader() {
    return host;
  }

  KeelExtensionFactory keelExtensionFactory() {
    return (KeelExtensionFactory) getExtensionFactory();
  }

  /**
   * Reads a plugin's descriptor and checks it against this engine, without loading anything.
   *
   * @throws RuntimeException with a reason, if the descriptor is unreadable or invalid
   */
  PluginDescriptor describe(Path path) {
    PluginDescriptor descriptor = getPluginDescriptorFinder().find(path);
    validatePluginDescriptor(descriptor);
    return descriptor;
  }

  /**
   * Checks {@code Plugin-Requires} against the engine version. Unlike PF4J, a system version of 0.0.0
   * does not switch the check off. Both PF4J's form ({@code >=1.2.0}, {@code >=1.0.0 & <2.0.0}; a bare
   * {@code 1.2.0} means {@code >=1.2.0}) and Spinnaker's ({@code keel>=1.2.0, orca>=2.0.0}, where the
   * {@value PluginRequires#SERVICE} entry counts, else the {@value PluginRequires#KEEL} one, and one with
   * neither is rejected) are read.
   *
   * @throws IllegalArgumentException with the reason, if the engine does not satisfy the plugin
   */
  void checkRequires(PluginDescriptor descriptor) {
    String requires = descriptor.getRequires() == null ? "" : descriptor.getRequires().trim();
    if (requires.isEmpty() || "*".equals(requires)) {
      return;
    }
    String expression = PluginRequires.expression(requires, isExactVersionAllowed());
    boolean satisfied;
    try {
      satisfied = getVersionManager().checkVersionConstraint(engineVersion, expression);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("its Plugin-Requires '" + requires + "' is not a version expression: "
          + KeelExtensionFactory.describe(e), e);
    }
    if (!satisfied) {
      throw new IllegalArgumentException("requires engine " + expression + " but this engine is " + engineVersion);
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    try {
      checkRequires(plugin.getDescriptor());
      return true;
    } catch (RuntimeException e) {
      log.warn("Plugin '{}' {}", plugin.getPluginId(), e.getMessage());
      return false;
    }
  }

  /** Loads a plugin from a jar or an expanded directory, after {@link #describe} and {@link #checkRequires}. */
  PluginWrapper load(Path path) {
    return loadPluginFromPath(path);
  }

  /**
   * Removes plugins whose required dependencies are missing, disabled or of the wrong version, and their
   * dependents, then resolves the rest; a dependency cycle fails every plugin in it.
   */
  void resolve(Set<String> disabledIds, FailureSink failures) {
    while (true) {
      dropUnmetDependencies(disabledIds, failures);
      try {
        resolvePlugins();
        return;
      } catch (DependencyResolver.CyclicDependencyException e) {
        Set<String> cycle = pluginsOnCycles();
        if (cycle.isEmpty()) {
          failAll(unresolvedPlugins, "its plugin dependencies form a cycle", failures);
          return;
        }
        for (PluginWrapper plugin : sorted(plugins.values())) {
          if (cycle.contains(plugin.getPluginId())) {
            failures.fail(plugin.getPluginId(), plugin.getPluginPath(), "its plugin dependencies form a cycle");
            remove(plugin.getPluginId());
          }
        }
      } catch (PluginRuntimeException e) {
        failAll(unresolvedPlugins, "its dependencies cannot be resolved: " + e.getMessage(), failures);
        return;
      }
    }
  }

  private void dropUnmetDependencies(Set<String> disabledIds, FailureSink failures) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PluginWrapper plugin : sorted(plugins.values())) {
        String reason = unmetDependency(plugin.getDescriptor(), disabledIds);
        if (reason != null) {
          failures.fail(plugin.getPluginId(), plugin.getPluginPath(), reason);
          remove(plugin.getPluginId());
          changed = true;
        }
      }
    }
  }

  /** The loaded plugins from which a chain of dependencies leads back to themselves. */
  private Set<String> pluginsOnCycles() {
    Set<String> onCycle = new TreeSet<>();
    for (String start : plugins.keySet()) {
      Deque<String> todo = new ArrayDeque<>(dependencyIds(start));
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (next.equals(start)) {
          onCycle.add(start);
          break;
        }
        if (seen.add(next)) {
          todo.addAll(dependencyIds(next));
        }
      }
    }
    return onCycle;
  }

  private List<String> dependencyIds(String pluginId) {
    PluginWrapper plugin = plugins.get(pluginId);
    List<String> ids = new ArrayList<>();
    if (plugin != null) {
      for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
        if (plugins.containsKey(dependency.getPluginId())) {
          ids.add(dependency.getPluginId());
        }
      }
    }
    return ids;
  }

  @Nullable
  private String unmetDependency(PluginDescriptor descriptor, Set<String> disabledIds) {
    for (PluginDependency dependency : descriptor.getDependencies()) {
      String id = dependency.getPluginId();
      PluginWrapper target = plugins.get(id);
      if (target == null) {
        if (dependency.isOptional()) {
          continue;
        }
        return "depends on plugin '" + id + "', which "
            + (disabledIds.contains(id) ? "is disabled" : "is not installed or failed to load");
      }
      String range = dependency.getPluginVersionSupport();
      String version = target.getDescriptor().getVersion();
      try {
        if (!getVersionManager().checkVersionConstraint(version, range)) {
          return "depends on plugin '" + id + "' " + range + " but '" + id + "' is " + version;
        }
      } catch (RuntimeException e) {
        return "depends on plugin '" + id + "' with an unreadable version range '" + range + "': "
            + KeelExtensionFactory.describe(e);
      }
    }
    return null;
  }

  /**
   * Starts the resolved plugins in dependency order, each under the plugin start deadline; one that fails
   * to start (its class cannot be constructed, its constructor or {@code start()} throws or does not
   * return in time), or depends on one that did, is removed and reported. PF4J's own {@code startPlugins()}
   * is not used: it would call plugin code on this thread, without a deadline, and log stack traces.
   */
  void start(FailureSink failures) {
    List<String> failed = new ArrayList<>();
    for (PluginWrapper plugin : new ArrayList<>(resolvedPlugins)) {
      String id = plugin.getPluginId();
      if (plugin.getPluginState() == PluginState.STARTED) {
        continue;
      }
      String reason = null;
      for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
        if (failed.contains(dependency.getPluginId()) && !dependency.isOptional()) {
          reason = "depends on plugin '" + dependency.getPluginId() + "', which failed to start";
          break;
        }
      }
      if (reason == null) {
        reason = startOne(plugin);
      }
      if (reason != null) {
        failed.add(id);
        failures.fail(id, plugin.getPluginPath(), reason);
        remove(id);
      }
    }
  }

  /** Starts one plugin; the reason it failed, or null. Only the plugin's own code runs on the worker. */
  @Nullable
  private String startOne(PluginWrapper plugin) {
    PluginState before = plugin.getPluginState();
    try {
      calls.run(() -> plugin.getPlugin().start());
    } catch (PluginCalls.DeadlineExceeded e) {
      return "failed to start: its constructor or start() " + e.getMessage();
    } catch (PluginClassException e) {
      return "failed to start: " + e.getMessage();
    } catch (RuntimeException | Error e) {
      return "failed to start: " + KeelExtensionFactory.describe(e);
    }
    plugin.setPluginState(PluginState.STARTED);
    plugin.setFailedException(null);
    startedPlugins.add(plugin);
    firePluginStateEvent(new PluginStateEvent(this, plugin, before));
    return null;
  }

  /** The started plugins in start order. */
  List<PluginWrapper> started() {
    return new ArrayList<>(getStartedPlugins());
  }

  /** Stops every plugin, last started first, then unloads all and closes their class loaders. */
  void shutdown() {
    List<PluginWrapper> running = started();
    for (int i = running.size() - 1; i >= 0; i--) {
      stopQuietly(running.get(i).getPluginId());
    }
    for (PluginWrapper plugin : sorted(plugins.values())) {
      remove(plugin.getPluginId());
    }
    keelExtensionFactory().clear();
    simulatedClouds.clear();
  }

  /** Stops a started plugin under the deadline; a plugin that throws or hangs in stop() is logged and left. */
  private void stopQuietly(String id) {
    PluginWrapper plugin = plugins.get(id);
    if (plugin == null || plugin.getPluginState() != PluginState.STARTED) {
      return;
    }
    try {
      calls.run(() -> plugin.getPlugin().stop());
    } catch (RuntimeException | Error e) {
      log.warn("Plugin '{}' failed to stop: {}", id, KeelExtensionFactory.describe(e));
    }
    plugin.setPluginState(PluginState.STOPPED);
    startedPlugins.remove(plugin);
    firePluginStateEvent(new PluginStateEvent(this, plugin, PluginState.STARTED));
  }

  /** Stops (if started) and forgets one plugin, as when its claims conflict with another's. */
  void discard(String id) {
    stopQuietly(id);
    remove(id);
  }

  private void failAll(List<PluginWrapper> list, String reason, FailureSink failures) {
    for (PluginWrapper plugin : sorted(list)) {
      failures.fail(plugin.getPluginId(), plugin.getPluginPath(), reason);
      remove(plugin.getPluginId());
    }
  }

  /** Forgets a plugin without starting or stopping it, and closes its class loader. */
  void remove(String id) {
    PluginWrapper plugin = plugins.remove(id);
    if (plugin != null) {
      unresolvedPlugins.remove(plugin);
      resolvedPlugins.remove(plugin);
      startedPlugins.remove(plugin);
    }
    ClassLoader loader = pluginClassLoaders.remove(id);
    if (loader instanceof Closeable) {
      try {
        ((Closeable) loader).close();
      } catch (IOException e) {
        log.warn("Cannot close the class loader of plugin '{}': {}", id, e.toString());
      }
    }
  }

  private static List<PluginWrapper> sorted(Collection<PluginWrapper> plugins) {
    List<PluginWrapper> list = new ArrayList<>(plugins);
    list.sort(Comparator.comparing(PluginWrapper::getPluginId));
    return list;
  }
}
