package dev.keel.examples.cli;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state a run ends in: per environment, its resources' statuses and its artifacts' versions. */
final class FinalState {

  private final KeelEngine engine;
  private final DeliveryConfig config;
  private final List<EnvironmentPromotion> promotions;

  FinalState(KeelEngine engine, DeliveryConfig config) {
    this.engine = engine;
    this.config = config;
    this.promotions = engine.promotions().status(config.application());
  }

  void print(PrintStream out) {
    Table resources = new Table("ENVIRONMENT", "RESOURCE", "KIND", "STATUS");
    for (Environment env : config.environments()) {
      for (Resource<?> r : env.resources()) {
        resources.row(env.name(), r.id(), r.kind(), engine.status(r.id()));
      }
    }
    resources.print(out);
    out.println();
    Table versions = new Table("ENVIRONMENT", "ARTIFACT", "CURRENT", "OTHER VERSIONS");
    for (Environment env : config.environments()) {
      for (EnvironmentPromotion p : promotions) {
        if (!p.environment().equals(env.name())) {
          continue;
        }
        List<String> others = new ArrayList<>();
        for (VersionPromotion v : p.versions()) {
          if (!p.current().map(v.version()::equals).orElse(false)) {
            others.add(v.version() + " " + status(v));
          }
        }
        versions.row(env.name(), p.artifactReference(), p.current().orElse(null),
            others.isEmpty() ? null : String.join(", ", others));
      }
    }
    versions.print(out);
  }

  /**
   * A version's status as the user sees it: a pending version whose constraint was rejected or failed
   * will not move on by itself, so it reads REJECTED (with the constraint) rather than PENDING.
   */
  static String status(VersionPromotion v) {
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
    List<Object> environments = new ArrayList<>();
    for (Environment env : config.environments()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", env.name());
      List<Object> resources = new ArrayList<>();
      for (Resource<?> r : env.resources()) {
        resources.add(Map.of("id", r.id(), "kind", r.kind().toString(), "status", engine.status(r.id()).name()));
      }
      e.put("resources", resources);
      List<Object> artifacts = new ArrayList<>();
      for (EnvironmentPromotion p : promotions) {
        if (!p.environment().equals(env.name())) {
          continue;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("reference", p.artifactReference());
        a.put("current", p.current().orElse(null));
        a.put("desired", p.desiredVersion());
        List<Object> versions = new ArrayList<>();
        for (VersionPromotion v : p.versions()) {
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
      environments.add(e);
    }
    return environments;
  }
}
