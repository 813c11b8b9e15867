package dev.keel.engine;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.internal.promotion.Promotions;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Artifact promotion of an engine, from {@link KeelEngine#promotions()}: published versions, the
 * promotion check, pins, vetoes, judgements and verification retries, and each environment's versions.
 * An operation on one artifact in one environment names it with an {@link EnvironmentArtifact}
 * ({@link #where} finds it from an application) and says who acts with an {@link Actor}. Every operation
 * that changes what an environment should run has the resources concerned checked at once.
 */
public final class PromotionControl {

  private final EngineWiring engine;
  private final Promotions promotions;

  PromotionControl(EngineWiring engine) {
    this.engine = engine;
    this.promotions = engine.promotions;
  }

  /**
   * Names one artifact in one environment of an application's delivery config.
   *
   * @param application the application
   * @param environment the environment
   * @param artifactReference the artifact's reference in the config
   * @return where, in the config's terms
   * @throws NoSuchElementException if the application has no config, or it has no such environment or artifact
   */
  public EnvironmentArtifact where(String application, String environment, String artifactReference) {
    return Promotions.where(engine.configOf(application), environment, artifactReference);
  }

  /**
   * Records a published version of an artifact (as a CI system would announce it) and checks the
   * promotion of every config whose artifact accepts it.
   *
   * @param version the version, named by the artifact's name (its package or image), not by its reference
   *     in a config; a Debian version starts with the package name, as {@code fnord-1.2.3-h4.abcdef1}
   * @return the names of the configs that accept it; empty for a version of an artifact no config uses, which
   *     is still recorded
   * @throws IllegalArgumentException for a Debian version without its package name, or a version named by
   *     an artifact reference instead of the artifact's name; nothing is recorded then
   */
  public Set<String> publish(ArtifactVersion version) {
    requirePublishable(version);
    Set<String> affected = promotions.publish(version, engine.store.deliveryConfigs());
    affected.forEach(engine.promotionLoop::trigger);
    return affected;
  }

  private void requirePublishable(ArtifactVersion version) {
    String type = version.type().toLowerCase(Locale.ROOT);
    if (type.equals(DebianArtifact.TYPE) && !version.version().startsWith(version.name() + "-")) {
      throw new IllegalArgumentException("Debian version '" + version.version() + "' of " + version.name()
          + " does not start with its package name: publish it as '" + version.name() + "-" + version.version()
          + "'");
    }
    List<DeliveryConfig> configs = engine.store.deliveryConfigs();
    boolean named = configs.stream().flatMap(c -> c.artifacts().stream())
        .anyMatch(a -> a.type().equals(type) && a.name().equals(version.name()));
    if (named) {
      return;
    }
    for (DeliveryConfig c : configs) {
      for (DeliveryArtifact a : c.artifacts()) {
        if (a.type().equals(type) && a.reference().equals(version.name())) {
          throw new IllegalArgumentException("No " + type + " artifact is named '" + version.name() + "', but it is"
              + " the reference of " + type + " artifact '" + a.name() + "' in delivery config " + c.name()
              + ": publish versions by the artifact's name, '" + a.name() + "'");
        }
      }
    }
  }

  /**
   * Runs an application's promotion check now, on the calling thread: approvals, then verifications. The
   * promotion loop does this by itself once the engine is started; this is for hosts that drive an engine
   * they have not started, such as the CLI's {@code plan}, which needs the versions approved before it
   * asks what the resources would do. Constraint evaluators run as in the loop, with their side effects.
   *
   * @param application the application
   * @throws NoSuchElementException if no delivery config is stored for it
   */
  public void check(String application) {
    promotions.check(engine.configOf(application));
  }

  /**
   * For each environment and artifact of an application, its versions and their states, newest first.
   *
   * @param application the application
   * @return the statuses; empty if the application has no config
   */
  public List<EnvironmentPromotion> status(String application) {
    return engine.store.deliveryConfigForApplication(application)
        .map(c -> promotions.status(c, engine.config.maxConsideredVersions() * 2)).orElse(List.of());
  }

  /**
   * Pins a version in an environment; it is deployed there whatever is approved, until unpinned.
   *
   * @param where the artifact in the environment
   * @param version a published version
   * @param actor who pins, and why
   * @throws NoSuchElementException if the config, environment, artifact or version is unknown
   */
  public void pin(EnvironmentArtifact where, String version, Actor actor) {
    promotions.pin(configOf(where), where.environment(), where.artifactReference(), version, actor.by(),
        actor.comment());
  }

  /**
   * Removes a pin, recorded as removed by {@link Actor#SYSTEM}; the environment goes back to its best approved
   * version.
   *
   * @param where the artifact in the environment
   * @return whether there was a pin
   * @throws NoSuchElementException if the config, environment or artifact is unknown
   */
  public boolean unpin(EnvironmentArtifact where) {
    return unpin(where, Actor.SYSTEM);
  }

  /**
   * Removes a pin, recorded as removed by {@code actor} ({@link ApplicationEvent.Unpinned}); the environment goes
   * back to its best approved version.
   *
   * @param where the artifact in the environment
   * @param actor who unpins, and why
   * @return whether there was a pin; nothing is recorded when there was none
   * @throws NoSuchElementException if the config, environment or artifact is unknown
   */
  public boolean unpin(EnvironmentArtifact where, Actor actor) {
    DeliveryConfig config = configOf(where);
    boolean removed = promotions.unpin(config, where.environment(), where.artifactReference());
    if (removed) {
      engine.recorder.record(new ApplicationEvent.Unpinned(config.application(), engine.clock().instant(),
          config.name(), where.environment(), where.artifactReference(), actor.by(), actor.comment()));
    }
    return removed;
  }

  /**
   * Marks a version bad in an environment: it is never deployed there again until un-vetoed, and the environment
   * falls back to its best remaining approved version, which is not vetoed in turn (no cascade).
   *
   * @param where the artifact in the environment
   * @param version the version
   * @param actor who vetoes, and why (at most 255 characters)
   * @throws dev.keel.engine.promotion.InvalidVetoException if the version is pinned, unknown there, or a fallback
   */
  public void veto(EnvironmentArtifact where, String version, Actor actor) {
    promotions.veto(configOf(where), where.environment(), where.artifactReference(), version, actor.by(),
        actor.comment(), false);
  }

  /**
   * Undoes a veto, restoring the version's earlier status, recorded as undone by {@link Actor#SYSTEM}.
   *
   * @param where the artifact in the environment
   * @param version the version
   * @return whether it was vetoed
   */
  public boolean unveto(EnvironmentArtifact where, String version) {
    return unveto(where, version, Actor.SYSTEM);
  }

  /**
   * Undoes a veto, restoring the version's earlier status, recorded as undone by {@code actor}
   * ({@link ApplicationEvent.Unvetoed}).
   *
   * @param where the artifact in the environment
   * @param version the version
   * @param actor who undoes it, and why
   * @return whether it was vetoed; nothing is recorded when it was not
   */
  public boolean unveto(EnvironmentArtifact where, String version, Actor actor) {
    DeliveryConfig config = configOf(where);
    boolean removed = promotions.unveto(config, where.environment(), where.artifactReference(), version);
    if (removed) {
      engine.recorder.record(new ApplicationEvent.Unvetoed(config.application(), engine.clock().instant(),
          config.name(), where.environment(), where.artifactReference(), version, actor.by(), actor.comment()));
    }
    return removed;
  }

  /**
   * Judges a stateful constraint, such as a manual judgement, for a version.
   *
   * @param where the artifact in the environment
   * @param version the version
   * @param constraintType the constraint type, such as {@code manual-judgement}
   * @param judgement whether to let the version through
   * @param actor who judges, and why
   * @throws NoSuchElementException if the environment has no such constraint
   */
  public void judge(EnvironmentArtifact where, String version, String constraintType, Judgement judgement,
      Actor actor) {
    promotions.judge(configOf(where), where.environment(), where.artifactReference(), version, constraintType,
        judgement == Judgement.PASS, actor.by(), actor.comment());
  }

  /**
   * Runs a finished verification of a version again.
   *
   * @param where the artifact in the environment
   * @param version the version
   * @param verificationId the verification
   * @param actor who asks; the verification's state records who, not why
   * @return whether there was a finished verification to retry
   */
  public boolean retryVerification(EnvironmentArtifact where, String version, String verificationId, Actor actor) {
    return promotions.retryVerification(configOf(where), where.environment(), where.artifactReference(), version,
        verificationId, actor.by());
  }

  private DeliveryConfig configOf(EnvironmentArtifact where) {
    return engine.store.deliveryConfig(where.deliveryConfig())
        .orElseThrow(() -> new NoSuchElementException("No delivery config " + where.deliveryConfig()));
  }
}
