package dev.keel.engine;

import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.schedule.RateLimit;
import java.time.Duration;
import java.time.ZoneId;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.store.Retention;
import dev.keel.engine.freeze.OperatorFreeze;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the engine runs. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param checkInterval how often each resource is rechecked when nothing changes
 * @param checkIntervalByKind per-kind intervals ({@code group/kind}, such as {@code ec2/cluster})
 * @param jitter the fraction by which each interval varies at random, so checks spread out (0.1 = ±10%)
 * @param maxConcurrentChecks the most checks running at once
 * @param rateLimits per-kind limits on how fast checks start ({@code group/kind})
 * @param defaultRateLimit the limit for kinds without their own
 * @param callTimeout the deadline of each call into an extension: handlers, resolvers, vetoes, task monitors,
 *     constraint and verification evaluators, artifact suppliers
 * @param giveUpPolicy when to stop acting on a drift that actions do not fix
 * @param retryBackoff the back-off after a failed check
 * @param taskPollInterval how often running tasks are asked for their status
 * @param disabledResolvers resolvers not to run, by name
 * @param claimLease how long a claimed check is reserved for this instance before another may take it over: the
 *     lease of the claim, renewed every third of it while the check runs; 3 × {@code callTimeout} unless set
 * @param instanceId this engine instance's name in the store's claims
 * @param randomSeed the seed of the jitter, so runs on virtual time repeat exactly
 * @param promotionCheckInterval how often each config's promotion (constraints, approvals, verifications)
 *     is checked when nothing triggers it sooner
 * @param maxConsideredVersions how many of an artifact's newest versions each promotion check considers
 * @param operatorFreezes change freezes the operator declares (global, per account, per application)
 * @param retention how long the default in-memory store keeps history, and the history of removed resources
 *     (a store given to the engine keeps its own retention)
 * @param defaultTimeZone the time zone of {@code allowed-times} windows that give no {@code tz}
 * @param maxStuckCallsPerPlugin how many of one plugin's calls may outlive their deadline without returning
 *     (they ignored the interrupt) before its further calls are refused; a resource or constraint whose
 *     previous call is stuck is never called again until that call returns
 * @param pluginConfigs each plugin's configuration, by plugin id, as plain values (maps, lists, strings,
 *     numbers, booleans): what its extensions read from {@code KeelContext.config()}. A Spinnaker host maps
 *     {@code spinnaker.extensibility.plugins.<id>.config} onto it, one entry per plugin id
 */
public record EngineConfig(
    Duration checkInterval,
    Map<String, Duration> checkIntervalByKind,
    double jitter,
    int maxConcurrentChecks,
    Map<String, RateLimit> rateLimits,
    RateLimit defaultRateLimit,
    Duration callTimeout,
    GiveUpPolicy giveUpPolicy,
    Backoff retryBackoff,
    Duration taskPollInterval,
    Set<String> disabledResolvers,
    Duration claimLease,
    String instanceId,
    long randomSeed,
    Duration promotionCheckInterval,
    int maxConsideredVersions,
    List<OperatorFreeze> operatorFreezes,
    Retention retention,
    ZoneId defaultTimeZone,
    int maxStuckCallsPerPlugin,
    Map<String, Map<String, Object>> pluginConfigs) {

  /** Checks the values and copies the collections. */
  public EngineConfig {
    positive(checkInterval, "checkInterval");
    checkIntervalByKind = Map.copyOf(checkIntervalByKind);
    checkIntervalByKind.forEach((k, v) -> positive(v, "checkIntervalByKind." + k));
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1); got " + jitter);
    }
    if (maxConcurrentChecks < 1) {
      throw new IllegalArgumentException("maxConcurrentChecks must be at least 1");
    }
    rateLimits = Map.copyOf(rateLimits);
    Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
    positive(callTimeout, "callTimeout");
    Objects.requireNonNull(giveUpPolicy, "giveUpPolicy");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    positive(taskPollInterval, "taskPollInterval");
    disabledResolvers = Set.copyOf(disabledResolvers);
    positive(claimLease, "claimLease");
    Objects.requireNonNull(instanceId, "instanceId");
    positive(promotionCheckInterval, "promotionCheckInterval");
    if (maxConsideredVersions < 1) {
      throw new IllegalArgumentException("maxConsideredVersions must be at least 1");
    }
    operatorFreezes = List.copyOf(operatorFreezes);
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    if (maxStuckCallsPerPlugin < 1) {
      throw new IllegalArgumentException("maxStuckCallsPerPlugin must be at least 1");
    }
    Map<String, Map<String, Object>> copies = new LinkedHashMap<>();
    pluginConfigs.forEach((id, settings) -> copies.put(Objects.requireNonNull(id, "plugin id"),
        Map.copyOf(Objects.requireNonNull(settings, () -> "pluginConfigs." + id))));
    pluginConfigs = Collections.unmodifiableMap(copies);
  }

  /**
   * A plugin's configuration.
   *
   * @param pluginId the plugin's id, such as {@code dev.keel.ec2}
   * @return its settings, empty when none were given
   */
  public Map<String, Object> pluginConfig(String pluginId) {
    return pluginConfigs.getOrDefault(pluginId, Map.of());
  }

  /** The lease of a claim unless one is set: 3 × the call timeout. */
  private static Duration defaultLease(Duration callTimeout) {
    return callTimeout == null ? null : callTimeout.multipliedBy(3);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive; got " + d);
    }
  }

  /**
   * The defaults: check every minute ±10%, 50 checks at once, no rate limits, 2-minute call deadlines,
   * Keel's give-up policy, retries from 10 seconds up to 10 minutes, tasks polled every 15 seconds, claims leased
   * for 3 × the call timeout (6 minutes),
   * promotion checked every minute over the 15 newest versions, at most 8 stuck calls per plugin, removed
   * resources forgotten after an hour, allowed-times windows without a time zone read in America/Los_Angeles
   * (Keel's default).
   *
   * @return the default configuration
   */
  public static EngineConfig defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.checkInterval = checkInterval;
    b.checkIntervalByKind = checkIntervalByKind;
    b.jitter = jitter;
    b.maxConcurrentChecks = maxConcurrentChecks;
    b.rateLimits = rateLimits;
    b.defaultRateLimit = defaultRateLimit;
    b.callTimeout = callTimeout;
    b.giveUpPolicy = giveUpPolicy;
    b.retryBackoff = retryBackoff;
    b.taskPollInterval = taskPollInterval;
    b.disabledResolvers = disabledResolvers;
    b.claimLease = claimLease.equals(defaultLease(callTimeout)) ? null : claimLease;
    b.instanceId = instanceId;
    b.randomSeed = randomSeed;
    b.promotionCheckInterval = promotionCheckInterval;
    b.maxConsideredVersions = maxConsideredVersions;
    b.operatorFreezes = operatorFreezes;
    b.retention = retention;
    b.defaultTimeZone = defaultTimeZone;
    b.maxStuckCallsPerPlugin = maxStuckCallsPerPlugin;
    b.pluginConfigs = new LinkedHashMap<>(pluginConfigs);
    return b;
  }

  /**
   * The check interval of a kind.
   *
   * @param groupAndKind such as {@code ec2/cluster}
   * @return its interval, or the default
   */
  public Duration checkInterval(String groupAndKind) {
    return checkIntervalByKind.getOrDefault(groupAndKind, checkInterval);
  }

  /** Builds an {@link EngineConfig}; every setter has a default. */
  public static final class Builder {
    private Duration checkInterval = Duration.ofMinutes(1);
    private Map<String, Duration> checkIntervalByKind = Map.of();
    private double jitter = 0.1;
    private int maxConcurrentChecks = 50;
    private Map<String, RateLimit> rateLimits = Map.of();
    private RateLimit defaultRateLimit = RateLimit.unlimited();
    private Duration callTimeout = Duration.ofMinutes(2);
    private GiveUpPolicy giveUpPolicy = GiveUpPolicy.keelDefaults();
    private Backoff retryBackoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10));
    private Duration taskPollInterval = Duration.ofSeconds(15);
    private Set<String> disabledResolvers = Set.of();
    /** Null: 3 × the call timeout, whatever that is set to. */
    private Duration claimLease;
    private String instanceId = "keel";
    private long randomSeed = 0x6b65656cL;
    private Duration promotionCheckInterval = Duration.ofMinutes(1);
    private int maxStuckCallsPerPlugin = dev.keel.engine.internal.schedule.DeadlineCalls.DEFAULT_MAX_STUCK_PER_PLUGIN;
    private int maxConsideredVersions = 15;
    private List<OperatorFreeze> operatorFreezes = List.of();
    private Retention retention = Retention.defaults();
    private ZoneId defaultTimeZone = ZoneId.of(AllowedTimesConstraint.DEFAULT_ZONE);
    private Map<String, Map<String, Object>> pluginConfigs = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets every plugin's configuration at once, replacing what was set before.
     *
     * @param byPluginId settings by plugin id
     * @return this builder
     */
    public Builder pluginConfigs(Map<String, Map<String, Object>> byPluginId) {
      this.pluginConfigs = new LinkedHashMap<>(byPluginId);
      return this;
    }

    /**
     * Sets one plugin's configuration.
     *
     * @param pluginId the plugin's id, such as {@code dev.keel.ec2}
     * @param settings its settings, as plain values
     * @return this builder
     */
    public Builder pluginConfig(String pluginId, Map<String, Object> settings) {
      this.pluginConfigs.put(Objects.requireNonNull(pluginId, "pluginId"), settings);
      return this;
    }

    /** @param r how long the default store keeps history and removed resources @return this builder */
    public Builder retention(Retention r) {
      this.retention = r;
      return this;
    }

    /** @param zone the time zone of allowed-times windows without a {@code tz} @return this builder */
    public Builder defaultTimeZone(ZoneId zone) {
      this.defaultTimeZone = zone;
      return this;
    }

    /** @param freezes the operator's change freezes @return this builder */
    public Builder operatorFreezes(List<OperatorFreeze> freezes) {
      this.operatorFreezes = freezes;
      return this;
    }

    /** @param interval how often promotion is checked without a trigger @return this builder */
    public Builder promotionCheckInterval(Duration interval) {
      this.promotionCheckInterval = interval;
      return this;
    }

    /** @param max how many newest versions a promotion check considers @return this builder */
    public Builder maxConsideredVersions(int max) {
      this.maxConsideredVersions = max;
      return this;
    }

    /** @param d the default check interval @return this builder */
    public Builder checkInterval(Duration d) {
      this.checkInterval = d;
      return this;
    }

    /** @param byKind intervals by {@code group/kind} @return this builder */
    public Builder checkIntervalByKind(Map<String, Duration> byKind) {
      this.checkIntervalByKind = byKind;
      return this;
    }

    /** @param fraction the interval jitter, 0 to below 1 @return this builder */
    public Builder jitter(double fraction) {
      this.jitter = fraction;
      return this;
    }

    /** @param max the most checks at once @return this builder */
    public Builder maxConcurrentChecks(int max) {
      this.maxConcurrentChecks = max;
      return this;
    }

    /** @param limits rate limits by {@code group/kind} @return this builder */
    public Builder rateLimits(Map<String, RateLimit> limits) {
      this.rateLimits = limits;
      return this;
    }

    /** @param limit the rate limit of other kinds @return this builder */
    public Builder defaultRateLimit(RateLimit limit) {
      this.defaultRateLimit = limit;
      return this;
    }

    /** @param timeout the deadline of each extension call @return this builder */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /** @param policy the give-up policy @return this builder */
    public Builder giveUpPolicy(GiveUpPolicy policy) {
      this.giveUpPolicy = policy;
      return this;
    }

    /** @param backoff the back-off after failed checks @return this builder */
    public Builder retryBackoff(Backoff backoff) {
      this.retryBackoff = backoff;
      return this;
    }

    /** @param interval how often running tasks are polled @return this builder */
    public Builder taskPollInterval(Duration interval) {
      this.taskPollInterval = interval;
      return this;
    }

    /** @param names resolvers not to run @return this builder */
    public Builder disabledResolvers(Set<String> names) {
      this.disabledResolvers = names;
      return this;
    }

    /**
     * How long a claim of a check lasts before another instance may take it over; the engine renews it every
     * third of it while the check runs. By default 3 × the call timeout, so a renewal delayed by a call that
     * overruns its deadline still comes in time.
     *
     * @param lease the lease
     * @return this builder
     */
    public Builder claimLease(Duration lease) {
      this.claimLease = lease;
      return this;
    }

    /** @param id this instance's name @return this builder */
    public Builder instanceId(String id) {
      this.instanceId = id;
      return this;
    }

    /** @param max how many stuck calls one plugin may have before its calls are refused @return this builder */
    public Builder maxStuckCallsPerPlugin(int max) {
      this.maxStuckCallsPerPlugin = max;
      return this;
    }

    /** @param seed the jitter's seed @return this builder */
    public Builder randomSeed(long seed) {
      this.randomSeed = seed;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first invalid value
     */
    public EngineConfig build() {
      return new EngineConfig(checkInterval, checkIntervalByKind, jitter, maxConcurrentChecks, rateLimits,
          defaultRateLimit, callTimeout, giveUpPolicy, retryBackoff, taskPollInterval, disabledResolvers,
          claimLease != null ? claimLease : defaultLease(callTimeout),
          instanceId, randomSeed, promotionCheckInterval, maxConsideredVersions, operatorFreezes, retention,
          defaultTimeZone, maxStuckCallsPerPlugin, pluginConfigs);
    }
  }
}
