package dev.keel.engine.internal.promotion;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.PromotionEvent;
import dev.keel.engine.internal.artifact.VersionOrder;
import dev.keel.engine.internal.check.ActuationGate;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.InvalidVetoException;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Artifact promotion for the engine: version intake, the promotion check of a config (constraints,
 * approvals, verifications), pins, vetoes and judgements, the {@link ArtifactView} that resolvers read,
 * and the {@link ActuationGate} that tracks DEPLOYING and CURRENT. {@code KeelEngine} owns one and exposes
 * its operations; every operation that changes what an environment should run asks for the affected
 * resources to be checked at once.
 */
public final class Promotions {

  private final PromotionLedger ledger;
  private final Clock clock;
  private final PromotionChecker checker;
  private final PromotionTracker tracker;
  private final VerificationRunner verifications;
  private final Consumer<String> recheckResource;
  private final Consumer<String> recheckConfig;
  private final ArtifactView view;
  private final Consumer<? super KeelEvent> publisher;

  /**
   * Promotion over a store.
   *
   * @param store the store
   * @param clock the engine's clock
   * @param constraintEvaluators evaluators from plugins and the host; built-ins are added for the built-in types
   * @param verificationEvaluators verification evaluators
   * @param recheckResource asks for a resource to be checked at once
   * @param recheckConfig asks for a config's promotion to be checked at once
   * @param maxConsidered how many of the newest versions each check considers
   */
  public Promotions(KeelStore store, Clock clock, List<ConstraintEvaluator<?>> constraintEvaluators,
      List<VerificationEvaluator<?>> verificationEvaluators, Consumer<String> recheckResource,
      Consumer<String> recheckConfig, int maxConsidered) {
    this(store, clock, constraintEvaluators, verificationEvaluators, recheckResource, recheckConfig, maxConsidered,
        ZoneId.of(AllowedTimesConstraint.DEFAULT_ZONE), e -> { }, EvaluatorCalls.direct(clock));
  }

  /**
   * Promotion over a store whose extension calls run under the engine's deadlines, publishing
   * {@link PromotionEvent}s.
   *
   * @param store the store
   * @param clock the engine's clock
   * @param constraintEvaluators evaluators from plugins and the host; built-ins are added for the built-in types
   * @param verificationEvaluators verification evaluators
   * @param recheckResource asks for a resource to be checked at once
   * @param recheckConfig asks for a config's promotion to be checked at once
   * @param maxConsidered how many of the newest versions each check considers
   * @param defaultTimeZone the zone of allowed-times windows that give none
   * @param publisher where promotion events go; it must not throw
   * @param calls how evaluators are called
   */
  public Promotions(KeelStore store, Clock clock, List<ConstraintEvaluator<?>> constraintEvaluators,
      List<VerificationEvaluator<?>> verificationEvaluators, Consumer<String> recheckResource,
      Consumer<String> recheckConfig, int maxConsidered, ZoneId defaultTimeZone,
      Consumer<? super KeelEvent> publisher, EvaluatorCalls calls) {
    this.publisher = publisher;
    this.ledger = new PromotionLedger(store);
    this.clock = clock;
    this.recheckResource = recheckResource;
    this.recheckConfig = recheckConfig;
    this.view = new PromotionView(ledger);
    Map<String, ConstraintEvaluator<?>> evaluators = new LinkedHashMap<>();
    evaluators.put(DependsOnConstraint.TYPE, new DependsOnEvaluator(ledger));
    evaluators.put(ManualJudgementConstraint.TYPE, new ManualJudgementEvaluator());
    evaluators.put(AllowedTimesConstraint.TYPE, new AllowedTimesEvaluator(ledger, defaultTimeZone));
    constraintEvaluators.forEach(e -> evaluators.put(e.type(), e));
    this.checker = new PromotionChecker(ledger, clock, evaluators, view, maxConsidered, calls);
    this.tracker = new PromotionTracker(ledger, clock, recheckConfig, publisher);
    Map<String, VerificationEvaluator<?>> verifiers = new LinkedHashMap<>();
    verificationEvaluators.forEach(v -> verifiers.put(v.type(), v));
    this.verifications = new VerificationRunner(ledger, tracker, clock, verifiers, calls);
  }

  /**
   * What resolvers and handlers read: the version each environment should run.
   *
   * @return the view
   */
  public ArtifactView view() {
    return view;
  }

  /**
   * The view {@link #view()} gives, over a store alone: it reads only stored state, so the engine hands it
   * to plugins, which are loaded before promotion (whose evaluators they provide) can be built.
   *
   * @param store the store
   * @return the view
   */
  public static ArtifactView view(KeelStore store) {
    return new PromotionView(new PromotionLedger(store));
  }

  /**
   * The hook the resource check calls around actuations.
   *
   * @return the gate
   */
  public ActuationGate gate() {
    return tracker;
  }

  /**
   * Records a published version and returns the configs that use its artifact, whose promotion should
   * be checked. A version none of them accepts (another branch, a tag that is not a version) is still
   * stored, and returns no config.
   *
   * @param version the version
   * @param configs the stored configs
   * @return the names of the configs whose artifacts accept it
   */
  public Set<String> publish(ArtifactVersion version, List<DeliveryConfig> configs) {
    ArtifactVersion normalized = VersionOrder.normalize(version);
    ledger.store().storeArtifactVersion(normalized);
    Set<String> affected = new TreeSet<>();
    for (DeliveryConfig c : configs) {
      if (c.artifacts().stream().anyMatch(a -> VersionOrder.accepts(a, normalized))) {
        affected.add(c.name());
      }
    }
    return affected;
  }

  /**
   * Runs a config's promotion check: approvals, then verifications; approved versions make the affected
   * resources be checked at once.
   *
   * @param config the config
   */
  public void check(DeliveryConfig config) {
    checker.check(config, approved -> approved(config, approved));
    if (verifications.run(config)) {
      // A finished verification may let a version into the next environment.
      checker.check(config, approved -> approved(config, approved));
    }
  }

  private void approved(DeliveryConfig config, PromotionRecord approved) {
    String by = ledger.store().pin(approved.where()).filter(p -> p.version().equals(approved.version()))
        .map(Pin::pinnedBy).orElse("keel");
    publisher.accept(new PromotionEvent.VersionApproved(config.application(), clock.instant(), config.name(),
        approved.where().environment(), approved.where().artifactReference(), approved.version(), by));
    recheck(config, approved.where());
  }

  private void recheck(DeliveryConfig config, EnvironmentArtifact where) {
    Environment env = config.environment(where.environment());
    env.resources().stream()
        .filter(r -> r.spec() instanceof ArtifactReferencing a && where.artifactReference().equals(a.artifactReference()))
        .forEach(r -> recheckResource.accept(r.id()));
  }

  /**
   * Names one artifact in one environment of a config.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact's reference
   * @return where
   * @throws NoSuchElementException if the config has no such environment or artifact
   */
  public static EnvironmentArtifact where(DeliveryConfig config, String environment, String artifactReference) {
    config.environment(environment);
    if (config.artifact(artifactReference).isEmpty()) {
      throw new NoSuchElementException("Delivery config " + config.name() + " has no artifact " + artifactReference);
    }
    return new EnvironmentArtifact(config.name(), environment, artifactReference);
  }

  /**
   * Pins a version in an environment: it becomes the desired version there, constraints bypassed.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version, which must have been published
   * @param by who pins
   * @param comment why, or null
   */
  public void pin(DeliveryConfig config, String environment, String artifactReference, String version, String by,
      @Nullable String comment) {
    EnvironmentArtifact where = where(config, environment, artifactReference);
    requireKnown(config, artifactReference, version);
    ledger.store().savePin(new Pin(where, version, by, clock.instant(), comment));
    PromotionRecord r = ledger.records(where).get(version);
    if (r == null) {
      PromotionRecord record = PromotionRecord.approved(where, version, clock.instant());
      ledger.store().savePromotions(List.of(record));
      approved(config, record);
    } else {
      recheck(config, where);
    }
    recheckConfig.accept(config.name());
  }

  /**
   * Removes a pin; the environment goes back to its best approved version.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @return whether there was a pin
   */
  public boolean unpin(DeliveryConfig config, String environment, String artifactReference) {
    EnvironmentArtifact where = where(config, environment, artifactReference);
    boolean removed = ledger.store().removePin(where);
    if (removed) {
      recheck(config, where);
      recheckConfig.accept(config.name());
    }
    return removed;
  }

  /**
   * Marks a version bad in an environment: it is never deployed there again until un-vetoed, and the
   * environment falls back to its best remaining approved version. The fallback is not vetoed
   * automatically in turn (no cascade) unless {@code force} is given.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @param by who vetoes
   * @param comment why, at most 255 characters, or null
   * @param force whether to veto a version that is itself the fallback of an earlier veto
   * @throws InvalidVetoException if the version is pinned, has no record there, or is a fallback without force
   */
  public void veto(DeliveryConfig config, String environment, String artifactReference, String version, String by,
      @Nullable String comment, boolean force) {
    if (comment != null && comment.length() > 255) {
      throw new InvalidVetoException("A veto comment may be at most 255 characters");
    }
    EnvironmentArtifact where = where(config, environment, artifactReference);
    if (ledger.store().pin(where).map(p -> p.version().equals(version)).orElse(false)) {
      throw new InvalidVetoException(version + " is pinned in " + environment + "; unpin it before vetoing it");
    }
    PromotionRecord r = ledger.records(where).get(version);
    if (r == null) {
      throw new InvalidVetoException(version + " was never approved in " + environment + "; there is nothing to veto");
    }
    if (r.status() == PromotionStatus.VETOED) {
      return;
    }
    if (r.rollbackOf() != null && !force) {
      throw new InvalidVetoException(version + " is what " + environment + " fell back to after " + r.rollbackOf()
          + " was vetoed; veto it with force to roll back further");
    }
    // Under the environment's lock, which the last look before an actuation takes: once this returns, no
    // actuation of the vetoed version starts there.
    synchronized (tracker.lock(config.name(), environment)) {
      ledger.store().savePromotions(List.of(r.vetoed(by, comment)));
      ledger.desiredVersion(config, where).ifPresent(fallback -> {
        PromotionRecord f = ledger.records(where).get(fallback);
        if (f != null) {
          ledger.store().savePromotions(List.of(f.rollbackOf(version)));
        }
      });
    }
    recheck(config, where);
    recheckConfig.accept(config.name());
  }

  /**
   * Undoes a veto, restoring the version's earlier status.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version
   * @return whether it was vetoed
   */
  public boolean unveto(DeliveryConfig config, String environment, String artifactReference, String version) {
    EnvironmentArtifact where = where(config, environment, artifactReference);
    Map<String, PromotionRecord> records = ledger.records(where);
    PromotionRecord r = records.get(version);
    if (r == null || r.status() != PromotionStatus.VETOED) {
      return false;
    }
    List<PromotionRecord> changes = new ArrayList<>();
    PromotionRecord restored = r.unvetoed();
    boolean otherCurrent = records.values().stream()
        .anyMatch(o -> o.status() == PromotionStatus.CURRENT && !o.version().equals(version));
    if (restored.status() == PromotionStatus.CURRENT && otherCurrent) {
      // Another version became current while this one was vetoed: it goes back as previous, not current.
      restored = restored.withStatus(PromotionStatus.PREVIOUS);
    }
    changes.add(restored);
    records.values().stream().filter(o -> version.equals(o.rollbackOf())).forEach(o -> changes.add(o.rollbackOf(null)));
    ledger.store().savePromotions(changes);
    recheck(config, where);
    recheckConfig.accept(config.name());
    return true;
  }

  /**
   * Records a person's judgement of a stateful constraint, such as a manual judgement.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version judged
   * @param constraintType the constraint's type
   * @param pass whether to let the version through
   * @param by who judged
   * @param comment why, or null
   * @throws NoSuchElementException if the environment has no such constraint
   */
  public void judge(DeliveryConfig config, String environment, String artifactReference, String version,
      String constraintType, boolean pass, String by, @Nullable String comment) {
    EnvironmentArtifact where = where(config, environment, artifactReference);
    if (config.environment(environment).constraint(constraintType).isEmpty()) {
      throw new NoSuchElementException("Environment " + environment + " has no " + constraintType + " constraint");
    }
    Instant now = clock.instant();
    ConstraintState state = ledger.store().constraintStates(where, version).stream()
        .filter(s -> s.type().equals(constraintType)).findFirst()
        .orElse(new ConstraintState(where, version, constraintType, ConstraintStatus.PENDING, now, null, null, null, Map.of()));
    ledger.store().saveConstraintState(state.judged(pass ? ConstraintStatus.OVERRIDE_PASS : ConstraintStatus.OVERRIDE_FAIL,
        by, now, comment, state.attributes()));
    recheckConfig.accept(config.name());
  }

  /**
   * Runs a finished verification again.
   *
   * @param config the config
   * @param environment the environment
   * @param artifactReference the artifact
   * @param version the version verified
   * @param verificationId the verification
   * @param by who asked
   * @return whether there was a finished verification to retry
   */
  public boolean retryVerification(DeliveryConfig config, String environment, String artifactReference, String version,
      String verificationId, String by) {
    EnvironmentArtifact where = where(config, environment, artifactReference);
    Optional<VerificationState> state = ledger.store().verificationStates(where).stream()
        .filter(s -> s.version().equals(version) && s.verificationId().equals(verificationId)).findFirst();
    if (state.isEmpty() || !state.get().status().complete()) {
      return false;
    }
    ledger.store().saveVerificationState(new VerificationState(where, version, verificationId,
        ConstraintStatus.NOT_EVALUATED, clock.instant(), null, Map.of("retryRequestedBy", by), by));
    recheckConfig.accept(config.name());
    return true;
  }

  /**
   * Every environment's versions of every artifact it uses.
   *
   * @param config the config
   * @param limit the most versions per environment, newest first
   * @return the statuses, environment by environment
   */
  public List<EnvironmentPromotion> status(DeliveryConfig config, int limit) {
    List<EnvironmentPromotion> result = new ArrayList<>();
    for (Environment env : config.environments()) {
      for (DeliveryArtifact artifact : config.artifacts()) {
        if (!PromotionLedger.environmentsUsing(config, artifact.reference()).contains(env)) {
          continue;
        }
        EnvironmentArtifact where = new EnvironmentArtifact(config.name(), env.name(), artifact.reference());
        Map<String, PromotionRecord> records = ledger.records(where);
        Optional<Pin> pin = ledger.store().pin(where);
        List<VerificationState> verificationStates = ledger.store().verificationStates(where);
        List<VersionPromotion> versions = ledger.versions(artifact).stream().limit(limit).map(v -> {
          PromotionRecord r = records.get(v.version());
          return new VersionPromotion(v.version(), r == null ? PromotionStatus.PENDING : r.status(),
              pin.map(p -> p.version().equals(v.version())).orElse(false),
              r == null ? null : r.approvedAt(), r == null ? null : r.deployedAt(), r == null ? null : r.replacedBy(),
              r == null ? null : r.vetoedBy(), ledger.store().constraintStates(where, v.version()),
              verificationStates.stream().filter(s -> s.version().equals(v.version())).collect(Collectors.toList()));
        }).collect(Collectors.toList());
        result.add(new EnvironmentPromotion(env.name(), artifact.reference(),
            ledger.desiredVersion(config, where).orElse(null), versions));
      }
    }
    return result;
  }

  private void requireKnown(DeliveryConfig config, String artifactReference, String version) {
    DeliveryArtifact artifact = config.artifact(artifactReference).orElseThrow();
    if (ledger.versions(artifact).stream().noneMatch(v -> v.version().equals(version))) {
      throw new NoSuchElementException("Version " + version + " of " + artifactReference + " was never published");
    }
  }
}
