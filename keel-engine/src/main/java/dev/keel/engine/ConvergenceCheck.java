package dev.keel.engine;

import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes a {@link Convergence}: what still keeps a delivery from being at rest. */
final class ConvergenceCheck {

  private static final String MANUAL_JUDGEMENT = "manual-judgement";

  private final KeelEngine engine;
  private final DeliveryConfig config;
  private final boolean judgementsDecideThemselves;
  private final Map<String, EnvironmentPromotion> promotions = new HashMap<>();

  private ConvergenceCheck(KeelEngine engine, DeliveryConfig config, boolean judgementsDecideThemselves) {
    this.engine = engine;
    this.config = config;
    this.judgementsDecideThemselves = judgementsDecideThemselves;
    for (EnvironmentPromotion p : engine.promotions().status(config.application())) {
      promotions.put(p.environment() + "|" + p.artifactReference(), p);
    }
  }

  /**
   * What still keeps a delivery from being at rest.
   *
   * @param engine the engine
   * @param config the config
   * @param judgementsDecideThemselves whether pending manual judgements will be decided without a person
   * @return one line per reason; empty when converged
   */
  static List<String> blockers(KeelEngine engine, DeliveryConfig config, boolean judgementsDecideThemselves) {
    return new ConvergenceCheck(engine, config, judgementsDecideThemselves).blockers();
  }

  private List<String> blockers() {
    List<String> blockers = new ArrayList<>();
    for (Environment env : config.environments()) {
      for (Resource<?> r : env.resources()) {
        ResourceStatus status = engine.status(r.id());
        if (status != ResourceStatus.HAPPY) {
          blockers.add(r.id() + " is " + status);
        }
      }
    }
    for (EnvironmentPromotion p : promotions.values()) {
      String where = p.environment() + "/" + p.artifactReference();
      Optional<String> current = p.current();
      if (p.desiredVersion() != null && !current.equals(Optional.of(p.desiredVersion()))) {
        blockers.add(where + " runs " + current.orElse("nothing") + ", should run " + p.desiredVersion());
      }
      for (VersionPromotion v : p.versions()) {
        if (current.isPresent() && v.version().equals(current.get())) {
          break; // versions are newest first: the rest are older
        }
        if (canMove(p, v, 0)) {
          blockers.add(where + " has " + v.version() + " still " + v.status().name().toLowerCase());
        }
      }
    }
    blockers.sort(null);
    return blockers;
  }

  /** Whether a version can still advance in an environment without a person doing anything. */
  private boolean canMove(EnvironmentPromotion p, VersionPromotion v, int depth) {
    if (depth > 16) {
      return false; // depends-on cycles are rejected by the reader; this guards the walk anyway
    }
    if (v.status() == PromotionStatus.APPROVED || v.status() == PromotionStatus.DEPLOYING) {
      return true;
    }
    if (v.status() != PromotionStatus.PENDING) {
      return false;
    }
    Environment env = config.environment(p.environment());
    for (ConstraintState c : v.constraints()) {
      if (c.status() == ConstraintStatus.FAIL || c.status() == ConstraintStatus.OVERRIDE_FAIL) {
        return false;
      }
    }
    for (Constraint constraint : env.constraints()) {
      Optional<ConstraintState> state = v.constraints().stream().filter(c -> c.type().equals(constraint.type()))
          .findFirst();
      boolean passed = state.map(c -> c.status() == ConstraintStatus.PASS
          || c.status() == ConstraintStatus.OVERRIDE_PASS).orElse(false);
      if (passed) {
        continue;
      }
      if (constraint.type().equals(MANUAL_JUDGEMENT) && !judgementsDecideThemselves) {
        return false;
      }
      if (constraint instanceof DependsOnConstraint dependsOn) {
        EnvironmentPromotion upstream = promotions.get(dependsOn.environment() + "|" + p.artifactReference());
        if (upstream == null) {
          return false;
        }
        Optional<VersionPromotion> there = upstream.version(v.version());
        if (there.isEmpty() || (there.get().status() != PromotionStatus.CURRENT
            && there.get().status() != PromotionStatus.PREVIOUS && !canMove(upstream, there.get(), depth + 1))) {
          return false;
        }
      }
    }
    return true;
  }
}
