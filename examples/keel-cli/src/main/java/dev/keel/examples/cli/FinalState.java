package dev.keel.examples.cli;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.StoredStatus;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a run ends in, or a store keeps: per environment, its resources' statuses and its artifacts' versions.
 * {@code keel run} reads it from its engine, {@code keel status} from the store's status view; both print it alike.
 */
final class FinalState {

  private final List<StoredStatus.EnvironmentStatus> environments;

  FinalState(StoredStatus stored) {
    this.environments = stored.environments();
  }

  /** The state of a config as a running engine sees it. */
  FinalState(KeelEngine engine, DeliveryConfig config) {
    List<EnvironmentPromotion> promotions = engine.promotions().status(config.application());
    List<StoredStatus.EnvironmentStatus> envs = new ArrayList<>();
    for (Environment env : config.environments()) {
      List<StoredStatus.ResourceEntry> resources = new ArrayList<>();
      for (Resource<?> r : env.resources()) {
        resources.add(new StoredStatus.ResourceEntry(r.id(), r.kind().toString(), engine.status(r.id()),
            engine.state(r.id()).lastCheckedAt()));
      }
      List<StoredStatus.ArtifactEntry> artifacts = new ArrayList<>();
      for (EnvironmentPromotion p : promotions) {
        if (p.environment().equals(env.name())) {
          artifacts.add(new StoredStatus.ArtifactEntry(p.artifactReference(), p.desiredVersion(),
              p.versions().stream().map(FinalState::entry).toList()));
        }
      }
      envs.add(new StoredStatus.EnvironmentStatus(env.name(), resources, artifacts));
    }
    this.environments = envs;
  }

  private static StoredStatus.VersionEntry entry(VersionPromotion v) {
    return new StoredStatus.VersionEntry(v.version(), v.status(), v.pinned(), v.constraints());
  }

  void print(PrintStream out) {
    Table resources = new Table("ENVIRONMENT", "RESOURCE", "KIND", "STATUS");
    for (StoredStatus.EnvironmentStatus env : environments) {
      for (StoredStatus.ResourceEntry r : env.resources()) {
        resources.row(env.name(), r.id(), r.kind(), r.status());
      }
    }
    resources.print(out);
    out.println();
    Table versions = new Table("ENVIRONMENT", "ARTIFACT", "CURRENT", "OTHER VERSIONS");
    for (StoredStatus.EnvironmentStatus env : environments) {
      for (StoredStatus.ArtifactEntry a : env.artifacts()) {
        List<String> others = new ArrayList<>();
        for (StoredStatus.VersionEntry v : a.versions()) {
          if (!a.current().map(v.version()::equals).orElse(false)) {
            others.add(v.version() + " " + status(v));
          }
        }
        versions.row(env.name(), a.reference(), a.current().orElse(null),
            others.isEmpty() ? null : String.join(", ", others));
      }
    }
    versions.print(out);
  }

  /**
   * A version's status as the user sees it: a pending version whose constraint was rejected or failed
   * will not move on by itself, so it reads REJECTED (with the constraint) rather than PENDING.
   */
  static String status(StoredStatus.VersionEntry v) {
    if (v.status() == PromotionStatus.PENDING) {
      for (ConstraintState c : v.constraints()) {
        if (c.status() == ConstraintStatus.OVERRIDE_FAIL || c.status() == ConstraintStatus.FAIL) {
          return "REJECTED (" + c.type() + ")";
        }
      }
    }
    return v.status().name();
  }

  List<Object> json() {
    List<Object> result = new ArrayList<>();
    for (StoredStatus.EnvironmentStatus env : environments) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", env.name());
      List<Object> resources = new ArrayList<>();
      for (StoredStatus.ResourceEntry r : env.resources()) {
        resources.add(Map.of("id", r.id(), "kind", r.kind(), "status", r.status().name()));
      }
      e.put("resources", resources);
      List<Object> artifacts = new ArrayList<>();
      for (StoredStatus.ArtifactEntry p : env.artifacts()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("reference", p.reference());
        a.put("current", p.current().orElse(null));
        a.put("desired", p.desiredVersion());
        List<Object> versions = new ArrayList<>();
        for (StoredStatus.VersionEntry v : p.versions()) {
          Map<String, Object> version = new LinkedHashMap<>();
          version.put("version", v.version());
          version.put("status", v.status().name());
          version.put("pinned", v.pinned());
          List<Object> constraints = new ArrayList<>();
          v.constraints().forEach(c -> constraints.add(Map.of("type", c.type(), "status", c.status().name())));
          version.put("constraints", constraints);
          versions.add(version);
        }
        a.put("versions", versions);
        artifacts.add(a);
      }
      e.put("artifacts", artifacts);
      result.add(e);
    }
    return result;
  }
}
