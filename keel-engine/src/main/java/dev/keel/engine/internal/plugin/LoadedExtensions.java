package dev.keel.engine.internal.plugin;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.config.RegistrationConflictException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every extension one {@link PluginLoader#load()} found, by extension point, host extensions first and
 * then by plugin id, each with the plugin it came from; and every plugin or extension that was skipped,
 * with the reason. Instances stay valid until the loader is closed.
 *
 * @param handlers resource handlers
 * @param resolvers resolvers
 * @param constraintEvaluators constraint evaluators
 * @param verificationEvaluators verification evaluators
 * @param vetoes vetoes
 * @param taskMonitors task monitors
 * @param artifactSuppliers artifact suppliers
 * @param specMigrators spec migrators
 * @param simulators simulated clouds, for hosts that drive them
 * @param failures the plugins and extensions that were skipped, and why
 */
public record LoadedExtensions(
    List<Loaded<ResourceHandler<?, ?>>> handlers,
    List<Loaded<Resolver<?>>> resolvers,
    List<Loaded<ConstraintEvaluator<?>>> constraintEvaluators,
    List<Loaded<VerificationEvaluator<?>>> verificationEvaluators,
    List<Loaded<Veto>> vetoes,
    List<Loaded<TaskMonitor>> taskMonitors,
    List<Loaded<ArtifactSupplier>> artifactSuppliers,
    List<Loaded<SpecMigrator<?, ?>>> specMigrators,
    List<Loaded<Simulator>> simulators,
    List<PluginFailure> failures) {

  /** Copies every list, so the value cannot change. */
  public LoadedExtensions {
    handlers = List.copyOf(handlers);
    resolvers = List.copyOf(resolvers);
    constraintEvaluators = List.copyOf(constraintEvaluators);
    verificationEvaluators = List.copyOf(verificationEvaluators);
    vetoes = List.copyOf(vetoes);
    taskMonitors = List.copyOf(taskMonitors);
    artifactSuppliers = List.copyOf(artifactSuppliers);
    specMigrators = List.copyOf(specMigrators);
    simulators = List.copyOf(simulators);
    failures = List.copyOf(failures);
  }

  /**
   * No extensions and no failures: what an engine without plugins starts from.
   *
   * @return the empty value
   */
  public static LoadedExtensions empty() {
    return new LoadedExtensions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  /**
   * Registers the handlers' kinds, the spec migrators, and the constraint and verification evaluators'
   * types, each owned by {@link Loaded#owner()} (plugin id and class), so that a name claimed twice fails
   * naming both claimants.
   *
   * @param registry the registry being built
   * @return the same builder
   * @throws RegistrationConflictException if two extensions (or an extension and a built-in) claim one
   *     kind, constraint type or verification type
   */
  public KindRegistry.Builder registerInto(KindRegistry.Builder registry) {
    return registerInto(registry, id -> true);
  }

  /** Registers the names the extensions of the plugins {@code include} accepts claim. */
  KindRegistry.Builder registerInto(KindRegistry.Builder registry, Predicate<String> include) {
    for (Loaded<ResourceHandler<?, ?>> handler : handlers) {
      if (include.test(handler.pluginId())) {
        registry.kind(handler.extension().supportedKind(), handler.owner());
      }
    }
    for (Loaded<SpecMigrator<?, ?>> migrator : specMigrators) {
      if (include.test(migrator.pluginId())) {
        registry.migrator(migrator.extension(), migrator.owner());
      }
    }
    for (Loaded<ConstraintEvaluator<?>> evaluator : constraintEvaluators) {
      if (include.test(evaluator.pluginId())) {
        registry.evaluator(evaluator.extension(), evaluator.owner());
      }
    }
    for (Loaded<VerificationEvaluator<?>> evaluator : verificationEvaluators) {
      if (include.test(evaluator.pluginId())) {
        registry.verificationEvaluator(evaluator.extension(), evaluator.owner());
      }
    }
    return registry;
  }

  /** These extensions without those of some plugins, and with more failures. */
  LoadedExtensions without(Set<String> pluginIds, List<PluginFailure> moreFailures) {
    List<PluginFailure> all = new ArrayList<>(failures);
    all.addAll(moreFailures);
    return new LoadedExtensions(keep(handlers, pluginIds), keep(resolvers, pluginIds),
        keep(constraintEvaluators, pluginIds), keep(verificationEvaluators, pluginIds), keep(vetoes, pluginIds),
        keep(taskMonitors, pluginIds), keep(artifactSuppliers, pluginIds), keep(specMigrators, pluginIds),
        keep(simulators, pluginIds), all);
  }

  private static <T> List<Loaded<T>> keep(List<Loaded<T>> list, Set<String> dropped) {
    return list.stream().filter(l -> !dropped.contains(l.pluginId())).toList();
  }
}
