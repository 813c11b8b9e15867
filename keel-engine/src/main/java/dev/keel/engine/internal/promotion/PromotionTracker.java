package dev.keel.engine.internal.promotion;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.PromotionEvent;
import dev.keel.engine.internal.artifact.VersionOrder;
import dev.keel.engine.internal.check.ActuationGate;
import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Moves versions through DEPLOYING and CURRENT as resources are actuated and converge. DEPLOYING is
 * recorded before the actuation starts, under the environment's lock and only when no verification is
 * running there (Keel recorded it afterwards, racing with verifications). A version becomes CURRENT when
 * every resource of the environment that uses the artifact is in sync at it. A version that never
 * became current and whose deployment the give-up policy abandoned is vetoed automatically, unless it is
 * itself a rollback target (no cascades).
 */
final class PromotionTracker implements ActuationGate {

  private final PromotionLedger ledger;
  private final Clock clock;
  private final Consumer<String> configChanged;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Consumer<? super KeelEvent> publisher;

  PromotionTracker(PromotionLedger ledger, Clock clock, Consumer<String> configChanged,
      Consumer<? super KeelEvent> publisher) {
    this.ledger = ledger;
    this.clock = clock;
    this.configChanged = configChanged;
    this.publisher = publisher;
  }

  /** The lock of one environment: verifications and actuations there exclude each other under it. */
  Object lock(String deliveryConfig, String environment) {
    return locks.computeIfAbsent(deliveryConfig + "\u0000" + environment, k -> new Object());
  }

  @Nullable
  private static EnvironmentArtifact where(StoredResource stored, @Nullable Resource<?> resolved) {
    Resource<?> r = resolved != null ? resolved : stored.resource();
    if (r.spec() instanceof ArtifactReferencing a && a.artifactReference() != null) {
      return new EnvironmentArtifact(stored.deliveryConfig(), stored.environment(), a.artifactReference());
    }
    return null;
  }

  @Nullable
  private static String version(@Nullable Resource<?> resolved) {
    return resolved != null && resolved.spec() instanceof ArtifactReferencing a ? a.artifactVersion() : null;
  }

  @Override
  @Nullable
  public String beforeExecute(StoredResource stored, Resource<?> resolved) {
    Optional<DeliveryConfig> config = ledger.store().deliveryConfig(stored.deliveryConfig());
    if (config.isEmpty()) {
      return null;
    }
    boolean deploying = false;
    EnvironmentArtifact where = where(stored, resolved);
    String version = version(resolved);
    synchronized (lock(stored.deliveryConfig(), stored.environment())) {
      String running = runningVerification(config.get(), stored.environment());
      if (running != null) {
        return "waiting for verification " + running + " to finish before changing the environment";
      }
      if (where != null && version != null) {
        PromotionRecord record = ledger.records(where).get(version);
        if (record != null && record.status() == PromotionStatus.VETOED) {
          // Vetoed while the check that resolved it was running: the next check resolves the fallback.
          return version + " was vetoed in " + stored.environment() + " during the check";
        }
        deploying = markDeploying(where, version);
      }
    }
    if (deploying) {
      publisher.accept(new PromotionEvent.VersionDeploying(config.get().application(), clock.instant(), where.deliveryConfig(),
          where.environment(), where.artifactReference(), version));
    }
    return null;
  }

  /** A verification of the environment's current versions still running, or null. */
  @Nullable
  String runningVerification(DeliveryConfig config, String environment) {
    Environment env = config.environment(environment);
    Set<String> declared = env.verifyWith().stream().map(Verification::id).collect(Collectors.toSet());
    for (DeliveryArtifact artifact : config.artifacts()) {
      EnvironmentArtifact where = new EnvironmentArtifact(config.name(), environment, artifact.reference());
      for (VerificationState s : ledger.store().verificationStates(where)) {
        // A verification removed from the config no longer blocks the environment.
        if (s.status() == ConstraintStatus.PENDING && declared.contains(s.verificationId())) {
          return s.verificationId() + " of " + s.version();
        }
      }
    }
    return null;
  }

  /** Whether the version became DEPLOYING (it was APPROVED). */
  private boolean markDeploying(EnvironmentArtifact where, String version) {
    Map<String, PromotionRecord> records = ledger.records(where);
    PromotionRecord target = records.get(version);
    if (target == null || target.status() != PromotionStatus.APPROVED) {
      return false; // pinned without a record yet, already deploying or current, or vetoed
    }
    List<PromotionRecord> changes = new ArrayList<>();
    changes.add(target.withStatus(PromotionStatus.DEPLOYING));
    records.values().stream()
        .filter(r -> r.status() == PromotionStatus.DEPLOYING && !r.version().equals(version))
        .forEach(r -> changes.add(r.replaced(PromotionStatus.SKIPPED, version, clock.instant())));
    ledger.store().savePromotions(changes);
    return true;
  }

  @Override
  public void afterCheck(StoredResource stored, CheckReport report, @Nullable Resource<?> resolved) {
    EnvironmentArtifact where = where(stored, resolved);
    String version = version(resolved);
    if (where == null || version == null) {
      return;
    }
    Optional<DeliveryConfig> config = ledger.store().deliveryConfig(stored.deliveryConfig());
    if (config.isEmpty()) {
      return;
    }
    if (report.result() == CheckResult.IN_SYNC) {
      PromotionEvent.VersionDeployed deployed = null;
      synchronized (lock(stored.deliveryConfig(), stored.environment())) {
        if (allInSyncAt(config.get(), where, version)) {
          deployed = markCurrent(config.get(), where, version);
        }
      }
      if (deployed != null) {
        publisher.accept(deployed);
        configChanged.accept(config.get().name());
      }
    } else if (report.result() == CheckResult.VETOED && ledger.store().state(stored.id()).gaveUp()) {
      PromotionRecord r = ledger.records(where).get(version);
      if (r != null && r.status() == PromotionStatus.DEPLOYING && r.rollbackOf() == null
          && ledger.store().pin(where).map(p -> !p.version().equals(version)).orElse(true)) {
        ledger.store().savePromotions(List.of(r.vetoed("keel",
            "Automatically marked bad: repeated deployments failed and it never became current here")));
        configChanged.accept(config.get().name());
      }
    }
  }

  private boolean allInSyncAt(DeliveryConfig config, EnvironmentArtifact where, String version) {
    Environment env = config.environment(where.environment());
    return env.resources().stream()
        .filter(r -> r.spec() instanceof ArtifactReferencing a && where.artifactReference().equals(a.artifactReference()))
        .allMatch(r -> {
          ResourceState s = ledger.store().state(r.id());
          return s.lastResult() == CheckResult.IN_SYNC && version.equals(s.artifactVersion());
        });
  }

  /**
   * Makes a version current, the old current previous, and older approved or pending versions skipped.
   *
   * @return the event to publish, or null if the version did not become current now
   */
  @Nullable
  private PromotionEvent.VersionDeployed markCurrent(DeliveryConfig config, EnvironmentArtifact where, String version) {
    Map<String, PromotionRecord> records = ledger.records(where);
    PromotionRecord target = records.get(version);
    boolean pinned = ledger.store().pin(where).map(p -> p.version().equals(version)).orElse(false);
    // Only a version the environment was meant to run becomes current there (as in Keel): one approved
    // (or overtaken, or previous) or pinned; not one that merely happens to run, and never a vetoed one.
    if (target == null ? !pinned
        : target.status() == PromotionStatus.CURRENT || target.status() == PromotionStatus.VETOED
            || target.status() == PromotionStatus.PENDING) {
      return null;
    }
    Instant now = clock.instant();
    List<PromotionRecord> changes = new ArrayList<>();
    changes.add((target == null ? PromotionRecord.approved(where, version, now) : target).current(now));
    records.values().stream()
        .filter(r -> r.status() == PromotionStatus.CURRENT && !r.version().equals(version))
        .forEach(r -> changes.add(r.replaced(PromotionStatus.PREVIOUS, version, now)));
    DeliveryArtifact artifact = config.artifact(where.artifactReference()).orElseThrow();
    Comparator<ArtifactVersion> newest = VersionOrder.newestFirst(artifact);
    List<ArtifactVersion> known = ledger.versions(artifact);
    ArtifactVersion self = known.stream().filter(v -> v.version().equals(version)).findFirst().orElse(null);
    for (ArtifactVersion v : known) {
      if (v.version().equals(version)) {
        continue;
      }
      PromotionRecord r = records.get(v.version());
      boolean older = self != null && newest.compare(v, self) > 0;
      if (r != null && r.status() == PromotionStatus.CURRENT) {
        continue; // demoted above
      } else if (older && r != null && (r.status() == PromotionStatus.APPROVED || r.status() == PromotionStatus.DEPLOYING)) {
        changes.add(r.replaced(PromotionStatus.SKIPPED, version, now));
      } else if (older && r == null) {
        changes.add(new PromotionRecord(where, v.version(), PromotionStatus.SKIPPED, null, null, version, now, null, null,
            null, null));
      }
    }
    ledger.store().savePromotions(changes);
    String previous = records.values().stream().filter(r -> r.status() == PromotionStatus.CURRENT)
        .map(PromotionRecord::version).filter(v -> !v.equals(version)).findFirst().orElse(null);
    return new PromotionEvent.VersionDeployed(config.application(), now, config.name(), where.environment(),
        where.artifactReference(), version, previous);
  }
}
