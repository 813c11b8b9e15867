package dev.keel.engine.internal.plugin;

import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Resolver;
import dev.keel.spi.Simulator;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.Veto;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.annotation.Nullable;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the extension classes that PF4J's index lists for the host and each started plugin into
 * instances, sorted by extension point. A class that cannot be loaded or constructed is reported and
 * skipped; the others still load.
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

  ExtensionCollector(KeelPluginManager manager, KeelPluginManager.FailureSink failures) {
    this.manager = manager;
    this.failures = failures;
  }

  /**
   * Collects one plugin's extensions, or the host classpath's for {@value Loaded#HOST}.
   *
   * @param pluginId the plugin
   * @param loader the class loader its extensions come from
   * @param path the plugin's file, or null for the host
   */
  void collect(String pluginId, ClassLoader loader, @Nullable Path path) {
    List<String> names = new ArrayList<>(manager.extensionClassNames(pluginId));
    boolean host = Loaded.HOST.equals(pluginId);
    if (names.isEmpty()) {
      if (!host) {
        String reason = "plugin " + pluginId + " has no extensions: was the PF4J annotation processor run? ("
            + KeelPluginClassLoader.EXTENSION_INDEX + " is missing or empty)";
        log.warn("{}", reason);
        failures.fail(pluginId, path, reason);
      }
      return;
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        fail(pluginId, path, "extension " + name + " listed in " + KeelPluginClassLoader.EXTENSION_INDEX
            + " cannot be loaded: " + KeelExtensionFactory.describe(e));
      }
    }
    classes.sort(Comparator.<Class<?>>comparingInt(ExtensionCollector::ordinal).thenComparing(Class::getName));
    int accepted = 0;
    for (Class<?> type : classes) {
      if (add(pluginId, path, type)) {
        accepted++;
      }
    }
    if (accepted == 0 && !host && !classes.isEmpty()) {
      log.warn("Plugin '{}' has no extensions of Keel's extension points among {}", pluginId, names);
    }
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
      fail(pluginId, path, e.getMessage());
      return false;
    } catch (RuntimeException | Error e) {
      fail(pluginId, path, "extension " + type.getName() + " could not be constructed: "
          + KeelExtensionFactory.describe(e));
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
