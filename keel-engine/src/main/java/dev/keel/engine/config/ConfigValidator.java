package dev.keel.engine.config;

import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.Verification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that span a whole delivery config (Keel's, plus cycle detection): a valid application name,
 * unique environment names, artifact references and resource ids, references that resolve, and
 * environments that do not depend on each other in a cycle.
 */
final class ConfigValidator {

  private static final Pattern APPLICATION = Pattern.compile("[a-zA-Z0-9._-]+");

  private final Problems problems;
  private final Map<Object, String> pathOf;
  private final boolean incompleteArtifacts;
  private final boolean incompleteEnvironments;

  /** The flags say whether some artifacts or environments failed to bind: references to them are not checked. */
  ConfigValidator(Problems problems, Map<Object, String> pathOf, boolean incompleteArtifacts,
      boolean incompleteEnvironments) {
    this.problems = problems;
    this.pathOf = pathOf;
    this.incompleteArtifacts = incompleteArtifacts;
    this.incompleteEnvironments = incompleteEnvironments;
  }

  void validate(DeliveryConfig config) {
    if (!APPLICATION.matcher(config.application()).matches()) {
      problems.add("application", "Invalid application name '" + config.application()
          + "': use letters, digits, '.', '_' and '-'");
    }
    uniqueEnvironmentNames(config);
    uniqueArtifactReferences(config);
    uniqueResourceIds(config);
    if (!incompleteArtifacts) {
      artifactReferencesExist(config);
    }
    if (!incompleteEnvironments) {
      dependenciesExist(config);
    }
    noDependencyCycles(config);
    uniqueVerificationIds(config);
  }

  /**
   * Where each element of a config built in code sits, as the reader would have recorded it, so that a
   * programmatic config is checked by the same rules with the same paths.
   */
  static Map<Object, String> pathsOf(DeliveryConfig config) {
    Map<Object, String> paths = new java.util.IdentityHashMap<>();
    for (int i = 0; i < config.artifacts().size(); i++) {
      paths.putIfAbsent(config.artifacts().get(i), SourcePaths.index("artifacts", i));
    }
    for (int i = 0; i < config.environments().size(); i++) {
      Environment env = config.environments().get(i);
      String path = SourcePaths.index("environments", i);
      paths.putIfAbsent(env, path);
      for (int j = 0; j < env.resources().size(); j++) {
        paths.putIfAbsent(env.resources().get(j), SourcePaths.index(SourcePaths.field(path, "resources"), j));
      }
      for (int j = 0; j < env.constraints().size(); j++) {
        paths.putIfAbsent(env.constraints().get(j), SourcePaths.index(SourcePaths.field(path, "constraints"), j));
      }
      for (int j = 0; j < env.verifyWith().size(); j++) {
        paths.putIfAbsent(env.verifyWith().get(j), SourcePaths.index(SourcePaths.field(path, "verifyWith"), j));
      }
    }
    return paths;
  }

  private void uniqueEnvironmentNames(DeliveryConfig config) {
    Map<String, Environment> seen = new HashMap<>();
    for (Environment env : config.environments()) {
      Environment first = seen.putIfAbsent(env.name(), env);
      if (first != null) {
        problems.add(field(env, "name"), "Environment name '" + env.name() + "' is already used at "
            + pathOf.get(first) + "; environment names must be unique");
      }
    }
  }

  private void uniqueArtifactReferences(DeliveryConfig config) {
    Map<String, DeliveryArtifact> seen = new HashMap<>();
    for (DeliveryArtifact a : config.artifacts()) {
      DeliveryArtifact first = seen.putIfAbsent(a.reference(), a);
      if (first != null) {
        problems.add(pathOf.get(a), "Artifact reference '" + a.reference() + "' is already used at "
            + pathOf.get(first) + "; give each artifact a distinct 'reference'");
      }
    }
  }

  private void uniqueResourceIds(DeliveryConfig config) {
    Map<String, Resource<?>> seen = new HashMap<>();
    Map<Resource<?>, String> envOf = new HashMap<>();
    for (Environment env : config.environments()) {
      for (Resource<?> r : env.resources()) {
        Resource<?> first = seen.get(r.id());
        if (first != null && first != r) {
          String firstEnv = envOf.get(first);
          problems.add(pathOf.get(r), "Resource id " + r.id() + " is already declared "
              + (firstEnv.equals(env.name()) ? "in this environment" : "in environment '" + firstEnv + "'")
              + " at " + where(pathOf.get(first)) + "; a resource may be managed only once (rename it or remove one)");
        } else {
          seen.put(r.id(), r);
          envOf.put(r, env.name());
        }
      }
    }
  }

  private void artifactReferencesExist(DeliveryConfig config) {
    Set<String> references = new LinkedHashSet<>();
    config.artifacts().forEach(a -> references.add(a.reference()));
    config.resources().forEach(r -> {
      if (r.spec() instanceof ArtifactReferencing a && a.artifactReference() != null
          && !references.contains(a.artifactReference())) {
        problems.add(pathOf.get(r) + ".spec", "Artifact reference '" + a.artifactReference()
            + "' names no artifact of this delivery config"
            + (references.isEmpty() ? "; declare it under 'artifacts'"
                : Suggestions.didYouMean(a.artifactReference(), references) + ". Declared: " + String.join(", ", references)));
      }
    });
  }

  private void dependenciesExist(DeliveryConfig config) {
    Set<String> names = new LinkedHashSet<>();
    config.environments().forEach(e -> names.add(e.name()));
    for (Environment env : config.environments()) {
      for (var c : env.constraints()) {
        if (c instanceof DependsOnConstraint d) {
          if (d.environment().equals(env.name())) {
            problems.add(pathOf.get(c) + ".environment", "Environment '" + env.name() + "' cannot depend on itself");
          } else if (!names.contains(d.environment())) {
            problems.add(pathOf.get(c) + ".environment", "depends-on names environment '" + d.environment()
                + "', which this config does not declare" + Suggestions.didYouMean(d.environment(), names)
                + ". Environments: " + String.join(", ", names));
          }
        }
      }
    }
  }

  private void noDependencyCycles(DeliveryConfig config) {
    Map<String, List<DependsOnConstraint>> edges = new LinkedHashMap<>();
    for (Environment env : config.environments()) {
      List<DependsOnConstraint> out = new ArrayList<>();
      env.constraints().stream().filter(DependsOnConstraint.class::isInstance).map(DependsOnConstraint.class::cast)
          .filter(d -> !d.environment().equals(env.name())).forEach(out::add);
      edges.putIfAbsent(env.name(), out);
    }
    Set<String> done = new java.util.HashSet<>();
    for (String start : edges.keySet()) {
      List<String> cycle = findCycle(start, edges, new ArrayList<>(), done);
      if (cycle != null) {
        String first = cycle.get(0);
        DependsOnConstraint edge = edges.get(first).stream()
            .filter(d -> d.environment().equals(cycle.get(1))).findFirst().orElseThrow();
        problems.add(pathOf.get(edge) + ".environment", "Environments depend on each other in a cycle: "
            + String.join(" -> ", cycle) + "; no version could ever enter them. Remove one of these depends-on constraints");
        cycle.forEach(done::add);
      }
    }
  }

  private static List<String> findCycle(String env, Map<String, List<DependsOnConstraint>> edges, List<String> trail,
      Set<String> done) {
    int at = trail.indexOf(env);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(trail.subList(at, trail.size()));
      cycle.add(env);
      return cycle;
    }
    if (done.contains(env) || !edges.containsKey(env)) {
      return null;
    }
    trail.add(env);
    for (DependsOnConstraint d : edges.get(env)) {
      List<String> cycle = findCycle(d.environment(), edges, trail, done);
      if (cycle != null) {
        return cycle;
      }
    }
    trail.remove(trail.size() - 1);
    done.add(env);
    return null;
  }

  private void uniqueVerificationIds(DeliveryConfig config) {
    for (Environment env : config.environments()) {
      Map<String, Verification> seen = new HashMap<>();
      for (Verification v : env.verifyWith()) {
        Verification first = seen.putIfAbsent(v.id(), v);
        if (first != null) {
          problems.add(pathOf.get(v), "Verification '" + v.id() + "' is declared twice in environment '"
              + env.name() + "' (first at " + pathOf.get(first) + ")");
        }
      }
    }
  }

  /**
   * A path, with where it is written when the document has positions, and what produced it when it was
   * expanded from a template: {@code environments[0].resources[1] (delivery.yml:12:5)}.
   */
  private String where(String path) {
    String at = problems.locate(path);
    return at.equals(path) ? path : path + " (" + at + problems.tree().note(path) + ")";
  }

  private String field(Object element, String name) {
    return SourcePaths.field(pathOf.get(element), name);
  }
}
