package dev.keel.spring.autoconfigure;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.freeze.FreezeScope;
import dev.keel.engine.freeze.OperatorFreeze;
import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.schedule.RateLimit;
import dev.keel.engine.store.Retention;
import dev.keel.spi.model.Freeze;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Turns the {@code keel.*} properties into an {@link EngineConfig}; an unset property keeps the engine's default. */
final class EngineConfigMapping {

  private EngineConfigMapping() {}

  /**
   * The engine configuration the properties describe.
   *
   * @param p the properties
   * @return the configuration
   * @throws IllegalArgumentException naming the {@code keel.*} property that is wrong and why
   */
  static EngineConfig toEngineConfig(KeelProperties p) {
    EngineConfig.Builder b = EngineConfig.builder();
    set(p.getCheckInterval(), b::checkInterval);
    b.checkIntervalByKind(Map.copyOf(p.getCheckIntervalByKind()));
    set(p.getJitter(), b::jitter);
    set(p.getMaxConcurrentChecks(), b::maxConcurrentChecks);
    Map<String, RateLimit> limits = new LinkedHashMap<>();
    p.getRateLimits().forEach((kind, rate) -> limits.put(kind,
        checked("keel.rate-limits[" + kind + "]", () -> new RateLimit(rate.getPerSecond(), rate.getBurst()))));
    b.rateLimits(limits);
    if (p.getDefaultRateLimit() != null) {
      RateProperties r = p.getDefaultRateLimit();
      b.defaultRateLimit(checked("keel.default-rate-limit", () -> new RateLimit(r.getPerSecond(), r.getBurst())));
    }
    set(p.getCallTimeout(), b::callTimeout);
    if (p.getGiveUpPolicy() != null) {
      b.giveUpPolicy(checked("keel.give-up-policy", () -> giveUp(p.getGiveUpPolicy())));
    }
    if (p.getRetryBackoff() != null) {
      RetryProperties r = p.getRetryBackoff();
      b.retryBackoff(checked("keel.retry-backoff", () -> new Backoff(r.getBase(), r.getMax())));
    }
    set(p.getTaskPollInterval(), b::taskPollInterval);
    b.disabledResolvers(p.getDisabledResolvers());
    set(p.getClaimLease(), b::claimLease);
    set(p.getInstanceId(), b::instanceId);
    set(p.getRandomSeed(), b::randomSeed);
    set(p.getPromotionCheckInterval(), b::promotionCheckInterval);
    set(p.getMaxConsideredVersions(), b::maxConsideredVersions);
    List<OperatorFreeze> freezes = new ArrayList<>();
    for (int i = 0; i < p.getOperatorFreezes().size(); i++) {
      FreezeProperties f = p.getOperatorFreezes().get(i);
      freezes.add(checked("keel.operator-freezes[" + i + "]", () -> freeze(f)));
    }
    b.operatorFreezes(freezes);
    if (p.getRetention() != null) {
      RetentionProperties k = p.getRetention();
      b.retention(checked("keel.retention", () -> new Retention(k.getRemovedGrace(), k.getMaxEvents(), k.getMaxAge())));
    }
    if (p.getDefaultTimeZone() != null) {
      b.defaultTimeZone(checked("keel.default-time-zone", () -> zone(p.getDefaultTimeZone())));
    }
    set(p.getMaxStuckCallsPerPlugin(), b::maxStuckCallsPerPlugin);
    b.pluginConfigs(p.getPlugins().getConfig());
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid keel.* property: " + e.getMessage()
          + " (the engine field names map to kebab-case keel.* properties; see docs/spring-boot.md)", e);
    }
  }

  private static GiveUpPolicy giveUp(GiveUpProperties g) {
    GiveUpPolicy d = GiveUpPolicy.keelDefaults();
    int maxActions = g.getMaxActions() != null ? g.getMaxActions() : d.maxActions();
    return new GiveUpPolicy(
        g.getActionsBeforeWaiting() != null ? g.getActionsBeforeWaiting() : d.actionsBeforeWaiting(),
        g.getWaitBetweenActions() != null ? g.getWaitBetweenActions() : d.waitBetweenActions(),
        maxActions,
        g.getMaxActionsPerWindow() != null ? g.getMaxActionsPerWindow() : Math.max(maxActions, d.maxActionsPerWindow()),
        g.getActionWindow() != null ? g.getActionWindow() : d.actionWindow());
  }

  private static OperatorFreeze freeze(FreezeProperties f) {
    FreezeScope scope;
    try {
      scope = FreezeScope.valueOf(f.getScope().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scope must be one of " + List.of(FreezeScope.values()) + "; got '"
          + f.getScope() + "'");
    }
    return new OperatorFreeze(scope, f.getTarget(),
        new Freeze(f.getReason(), f.getFrom(), f.getUntil(), f.getDays(), f.getHours(), f.getTz()));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + id + "': use a region id such as UTC or Europe/Berlin");
    }
  }

  private static <T> T checked(String property, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Invalid " + property + ": " + e.getMessage(), e);
    }
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
