package dev.keel.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import javax.annotation.Nullable;

/**
 * The time of {@link InMemoryStore} and what it forgets as that time passes, as its {@link Retention} says:
 * the history and tasks of removed resources, the promotion state of deleted configs and the history of
 * applications left without a config, each a grace period after its removal; and, every sweep interval,
 * events and completed tasks older than the maximum age. The store has no clock: its time is the latest it
 * was given. Thread-safe: its monitor guards the time and the removals, and is held while the tables forget,
 * so that a resource's history and tasks go together.
 */
final class Expiry {

  /** How often, in store time, every history is trimmed by age (appends trim their own history at once). */
  private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

  private final Retention retention;
  private final EventHistory history;
  private final TaskTable tasks;
  private final PromotionTables promotions;
  /** Removed resources, configs and applications by when they were removed, oldest first. */
  private final Removals removedResources = new Removals();
  private final Removals removedConfigs = new Removals();
  private final Removals removedApplications = new Removals();
  private Instant latest = Instant.MIN;
  private Instant nextSweep = Instant.MIN;

  Expiry(Retention retention, EventHistory history, TaskTable tasks, PromotionTables promotions) {
    this.retention = retention;
    this.history = history;
    this.tasks = tasks;
    this.promotions = promotions;
  }

  /** Moves the store's time forward and drops what the retention no longer keeps. */
  synchronized void advance(Instant now) {
    if (now.isAfter(latest)) {
      latest = now;
    }
    Instant removedBefore = latest.minus(retention.removedGrace());
    removedResources.expire(removedBefore, id -> {
      history.forgetResource(id);
      tasks.forget(id);
    });
    removedConfigs.expire(removedBefore, promotions::forgetConfig);
    removedApplications.expire(removedBefore, history::forgetApplication);
    if (!latest.isBefore(nextSweep)) {
      nextSweep = latest.plus(SWEEP_INTERVAL);
      Instant cutoff = latest.minus(retention.maxAge());
      history.trimOlderThan(cutoff);
      tasks.trimOlderThan(cutoff);
    }
  }

  /**
   * A config was stored: what it declares is managed again (its history stays), what it no longer
   * declares is removed now.
   */
  synchronized void stored(String config, String application, SubmitResult changes) {
    removedConfigs.cancel(config);
    removedApplications.cancel(application);
    changes.created().forEach(removedResources::cancel);
    changes.updated().forEach(removedResources::cancel);
    changes.unchanged().forEach(removedResources::cancel);
    changes.removed().forEach(id -> removedResources.mark(id, latest));
  }

  /**
   * A config was deleted now, with its resources, and with its application if no config is left for it.
   *
   * @param application the application, or null if another config still serves it
   */
  synchronized void deleted(String config, Collection<String> resourceIds, @Nullable String application) {
    resourceIds.forEach(id -> removedResources.mark(id, latest));
    removedConfigs.mark(config, latest);
    if (application != null) {
      removedApplications.mark(application, latest);
    }
  }
}
