package dev.keel.engine.internal.plugin;

import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.NotConfiguredException;
import dev.keel.spi.PluginUnavailableException;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Simulator;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.Veto;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the extension classes that PF4J's index lists for the host and each started plugin into
 * instances, sorted by extension point: the simulators first, then the rest. A class that cannot be loaded
 * or constructed is reported and skipped; the others still load. A plugin whose extension says the plugin
 * cannot work here ({@link PluginUnavailableException}) keeps none of its extensions; an extension that says its
 * plugin's configuration does not ask for it ({@link NotConfiguredException}) is skipped quietly.
 */
final class ExtensionCollector {

  private static final Logger log = LoggerFactory.getLogger(ExtensionCollector.class);

  /** The Keel extension points, in the order they are checked. */
  static final List<Class<?>> EXTENSION_POINTS = List.of(ResourceHandler.class, Resolver.class,
      ConstraintEvaluator.class, VerificationEvaluator.class, Veto.class, TaskMonitor.class,
      ArtifactSupplier.class, SpecMigrator.class, Simulator.class);

  private final KeelPluginManager manager;
  private final KeelPluginManager.FailureSink failures;

  private final List<Loaded<ResourceHandler<?, ?>>> handlers = new ArrayList<>();
  private final List<Loaded<Resolver<?>>> resolvers = new ArrayList<>();
  private final List<Loaded<ConstraintEvaluator<?>>> constraintEvaluators = new ArrayList<>();
  private final List<Loaded<VerificationEvaluator<?>>> verificationEvaluators = new ArrayList<>();
  private final List<Loaded<Veto>> vetoes = new ArrayList<>();
  private final List<Loaded<TaskMonitor>> taskMonitors = new ArrayList<>();
  private final List<Loaded<ArtifactSupplier>> artifactSuppliers = new ArrayList<>();
  private final List<Loaded<SpecMigrator<?, ?>>> specMigrators = new ArrayList<>();
  private final List<Loaded<Simulator>> simulators = new ArrayList<>();
  private final Set<String> unavailable = new LinkedHashSet<>();

  ExtensionCollector(KeelPluginManager manager, KeelPluginManager.FailureSink failures) {
    this.manager = manager;
    this.failures = failures;
  }

  /**
   * Where one plugin's extensions, or the host classpath's ({@value Loaded#HOST}), come from.
   *
   * @param pluginId the plugin
   * @param loader the class loader its extensions come from
   * @param path the plugin's file, or null for the host
   */
  record Source(String pluginId, ClassLoader loader, @Nullable Path path) {
    boolean host() {
      return Loaded.HOST.equals(pluginId);
    }
  }

  /**
   * Collects the extensions of every source: first every simulator, whose clouds are then offered to all
   * plugins ({@link SimulatedClouds}), then the other extensions, so that a cloud plugin's constructors find a
   * simulated cloud its configuration asks for. A plugin one of whose extensions throws
   * {@link PluginUnavailableException} from its constructor keeps none of its extensions, is reported once,
   * stopped and unloaded, and is listed in {@link #unavailable()}.
   *
   * @param sources the host and the started plugins, in load order
   */
  void collect(List<Source> sources) {
    Map<Source, List<Class<?>>> classes = new LinkedHashMap<>();
    for (Source source : sources) {
      classes.put(source, extensionClasses(source));
    }
    Map<String, Integer> accepted = new HashMap<>();
    classes.forEach((source, types) -> addAll(source, types, true, accepted));
    offerClouds();
    classes.forEach((source, types) -> addAll(source, types, false, accepted));
    classes.forEach((source, types) -> {
      if (accepted.getOrDefault(source.pluginId(), 0) == 0 && !source.host() && !types.isEmpty()
          && !unavailable.contains(source.pluginId())) {
        log.warn("Plugin '{}' has no extensions of Keel's extension points among {}", source.pluginId(),
            types.stream().map(Class::getName).toList());
      }
    });
    unavailable.forEach(manager::discard);
  }

  /**
   * The plugins that said they cannot work here: none of their extensions is kept.
   *
   * @return their ids
   */
  Set<String> unavailable() {
    return Set.copyOf(unavailable);
  }

  private List<Class<?>> extensionClasses(Source source) {
    String pluginId = source.pluginId();
    List<String> names = new ArrayList<>(manager.extensionClassNames(pluginId));
    if (names.isEmpty()) {
      if (!source.host()) {
        String reason = "plugin " + pluginId + " has no extensions: was the PF4J annotation processor run? ("
            + KeelPluginClassLoader.EXTENSION_INDEX + " is missing or empty)";
        log.warn("{}", reason);
        failures.fail(pluginId, source.path(), reason);
      }
      return List.of();
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, source.loader()));
      } catch (ClassNotFoundException | LinkageError e) {
        fail(pluginId, source.path(), "extension " + name + " listed in " + KeelPluginClassLoader.EXTENSION_INDEX
            + " cannot be loaded: " + KeelExtensionFactory.describe(e) + KeelPluginClassLoader.missingPortHint(e));
      }
    }
    classes.sort(Comparator.<Class<?>>comparingInt(ExtensionCollector::ordinal).thenComparing(Class::getName));
    return classes;
  }

  private void addAll(Source source, List<Class<?>> types, boolean simulators, Map<String, Integer> accepted) {
    for (Class<?> type : types) {
      if (unavailable.contains(source.pluginId())) {
        return;
      }
      if (Simulator.class.isAssignableFrom(type) == simulators && add(source.pluginId(), source.path(), type)) {
        accepted.merge(source.pluginId(), 1, Integer::sum);
      }
    }
  }

  /** Offers every loaded simulator's clouds to the plugins' contexts. */
  private void offerClouds() {
    for (Loaded<Simulator> simulator : List.copyOf(simulators)) {
      String pluginId = simulator.pluginId();
      Map<Class<?>, Object> clouds;
      try {
        clouds = manager.calls().call(() -> Map.copyOf(simulator.extension().clouds()));
      } catch (RuntimeException | Error e) {
        fail(pluginId, pathOf(pluginId), "simulator " + simulator.extension().getClass().getName()
            + " could not list its clouds: " + KeelExtensionFactory.describe(e));
        continue;
      }
      clouds.forEach((type, cloud) -> {
        try {
          String earlier = manager.simulatedClouds().offer(type, cloud, pluginId);
          if (earlier != null) {
            fail(pluginId, pathOf(pluginId), "its simulator offers a simulated " + type.getName()
                + ", which plugin '" + earlier + "' already offers; that one is used");
          }
        } catch (IllegalArgumentException e) {
          fail(pluginId, pathOf(pluginId), e.getMessage());
        }
      });
    }
  }

  @Nullable
  private Path pathOf(String pluginId) {
    var plugin = manager.getPlugin(pluginId);
    return plugin == null ? null : plugin.getPluginPath();
  }

  private boolean add(String pluginId, @Nullable Path path, Class<?> type) {
    List<Class<?>> points = new ArrayList<>();
    for (Class<?> point : EXTENSION_POINTS) {
      if (point.isAssignableFrom(type)) {
        points.add(point);
      }
    }
    if (points.isEmpty()) {
      String foreign = foreignSpiType(type);
      if (foreign != null) {
        fail(pluginId, path, "extension " + type.getName() + " implements " + foreign + " from a class loader "
            + "other than the host's: the plugin must not bundle keel-spi (declare it 'provided')");
      } else {
        log.debug("Extension {} of '{}' implements no Keel extension point; ignored", type.getName(), pluginId);
      }
      return false;
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      fail(pluginId, path, "extension " + type.getName() + " is abstract and cannot be constructed");
      return false;
    }
    Object instance;
    try {
      instance = manager.calls().call(() -> manager.getExtensionFactory().create(type));
    } catch (PluginCalls.DeadlineExceeded e) {
      fail(pluginId, path, "extension " + type.getName() + " could not be constructed: its constructor "
          + e.getMessage());
      return false;
    } catch (ExtensionConstructionException e) {
      if (e.getCause() instanceof PluginUnavailableException unavailableHere) {
        unavailable(pluginId, path, unavailableHere.getMessage());
      } else if (e.getCause() instanceof NotConfiguredException notAskedFor) {
        log.debug("Extension {} of plugin '{}' is not configured here: {}", type.getName(), pluginId,
            notAskedFor.getMessage());
      } else {
        fail(pluginId, path, e.getMessage() + KeelPluginClassLoader.missingPortHint(e));
      }
      return false;
    } catch (RuntimeException | Error e) {
      fail(pluginId, path, "extension " + type.getName() + " could not be constructed: "
          + KeelExtensionFactory.describe(e) + KeelPluginClassLoader.missingPortHint(e));
      return false;
    }
    for (Class<?> point : points) {
      put(point, instance, pluginId);
    }
    return true;
  }

  private void put(Class<?> point, Object instance, String pluginId) {
    if (point == ResourceHandler.class) {
      handlers.add(new Loaded<>((ResourceHandler<?, ?>) instance, pluginId));
    } else if (point == Resolver.class) {
      resolvers.add(new Loaded<>((Resolver<?>) instance, pluginId));
    } else if (point == ConstraintEvaluator.class) {
      constraintEvaluators.add(new Loaded<>((ConstraintEvaluator<?>) instance, pluginId));
    } else if (point == VerificationEvaluator.class) {
      verificationEvaluators.add(new Loaded<>((VerificationEvaluator<?>) instance, pluginId));
    } else if (point == Veto.class) {
      vetoes.add(new Loaded<>((Veto) instance, pluginId));
    } else if (point == TaskMonitor.class) {
      taskMonitors.add(new Loaded<>((TaskMonitor) instance, pluginId));
    } else if (point == ArtifactSupplier.class) {
      artifactSuppliers.add(new Loaded<>((ArtifactSupplier) instance, pluginId));
    } else if (point == SpecMigrator.class) {
      specMigrators.add(new Loaded<>((SpecMigrator<?, ?>) instance, pluginId));
    } else if (point == Simulator.class) {
      simulators.add(new Loaded<>((Simulator) instance, pluginId));
    }
  }

  /** The name of a {@code dev.keel.spi} interface the class implements through another class loader. */
  @Nullable
  private static String foreignSpiType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().startsWith("dev.keel.spi.")) {
          return i.getName();
        }
      }
    }
    return null;
  }

  /** Drops what a plugin contributed so far and reports why it cannot work here. */
  private void unavailable(String pluginId, @Nullable Path path, String reason) {
    log.warn("Skipping plugin '{}' ({}): {}", pluginId, path, reason);
    failures.fail(pluginId, path, reason);
    unavailable.add(pluginId);
    for (List<? extends Loaded<?>> list : List.of(handlers, resolvers, constraintEvaluators,
        verificationEvaluators, vetoes, taskMonitors, artifactSuppliers, specMigrators, simulators)) {
      list.removeIf(l -> l.pluginId().equals(pluginId));
    }
  }

  private static int ordinal(Class<?> type) {
    Extension extension = type.getAnnotation(Extension.class);
    return extension == null ? 0 : extension.ordinal();
  }

  private void fail(String pluginId, @Nullable Path path, String reason) {
    log.warn("Skipping an extension of plugin '{}': {}", pluginId, reason);
    failures.fail(pluginId, path, reason);
  }

  LoadedExtensions result(List<PluginFailure> allFailures) {
    return new LoadedExtensions(handlers, resolvers, constraintEvaluators, verificationEvaluators, vetoes,
        taskMonitors, artifactSuppliers, specMigrators, simulators, allFailures);
  }
}
