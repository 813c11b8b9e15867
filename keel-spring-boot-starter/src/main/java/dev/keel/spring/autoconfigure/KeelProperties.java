package dev.keel.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code keel.*} properties: one per {@link dev.keel.engine.EngineConfig} field (unset means the engine's
 * default), and the starter's own switches for the store, plugins, REST API, security, health and metrics. A
 * mutable JavaBean, as Spring Boot 2.7 and 3.x both bind it the same way. docs/spring-boot.md lists them all.
 */
@ConfigurationProperties(prefix = "keel")
public class KeelProperties {

  private boolean enabled = true;
  private boolean autoStart = true;
  @Nullable private Duration checkInterval;
  private Map<String, Duration> checkIntervalByKind = new LinkedHashMap<>();
  @Nullable private Double jitter;
  @Nullable private Integer maxConcurrentChecks;
  private Map<String, RateProperties> rateLimits = new LinkedHashMap<>();
  @Nullable private RateProperties defaultRateLimit;
  @Nullable private Duration callTimeout;
  @Nullable private GiveUpProperties giveUpPolicy;
  @Nullable private RetryProperties retryBackoff;
  @Nullable private Duration taskPollInterval;
  private Set<String> disabledResolvers = new LinkedHashSet<>();
  @Nullable private Duration claimLease;
  @Nullable private String instanceId;
  @Nullable private Long randomSeed;
  @Nullable private Duration promotionCheckInterval;
  @Nullable private Integer maxConsideredVersions;
  private List<FreezeProperties> operatorFreezes = new ArrayList<>();
  @Nullable private RetentionProperties retention;
  @Nullable private String defaultTimeZone;
  @Nullable private Integer maxStuckCallsPerPlugin;
  private final PluginProperties plugins = new PluginProperties();
  private final StoreProperties store = new StoreProperties();
  private final ApiProperties api = new ApiProperties();
  private final SecurityProperties security = new SecurityProperties();
  private final ToggleProperties health = new ToggleProperties();
  private final ToggleProperties metrics = new ToggleProperties();

  /** @return whether the starter configures an engine at all */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param enabled whether the starter configures an engine at all */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** @return whether the engine starts with the application context */
  public boolean isAutoStart() {
    return autoStart;
  }

  /** @param autoStart whether the engine starts with the application context */
  public void setAutoStart(boolean autoStart) {
    this.autoStart = autoStart;
  }

  /** @return how often each resource is rechecked, or null for the default */
  @Nullable
  public Duration getCheckInterval() {
    return checkInterval;
  }

  /** @param checkInterval how often each resource is rechecked */
  public void setCheckInterval(@Nullable Duration checkInterval) {
    this.checkInterval = checkInterval;
  }

  /** @return check intervals by {@code group/kind} */
  public Map<String, Duration> getCheckIntervalByKind() {
    return checkIntervalByKind;
  }

  /** @param byKind check intervals by {@code group/kind} */
  public void setCheckIntervalByKind(Map<String, Duration> byKind) {
    this.checkIntervalByKind = byKind;
  }

  /** @return the interval jitter, or null for the default */
  @Nullable
  public Double getJitter() {
    return jitter;
  }

  /** @param jitter the interval jitter, 0 to below 1 */
  public void setJitter(@Nullable Double jitter) {
    this.jitter = jitter;
  }

  /** @return the most checks at once, or null for the default */
  @Nullable
  public Integer getMaxConcurrentChecks() {
    return maxConcurrentChecks;
  }

  /** @param max the most checks at once */
  public void setMaxConcurrentChecks(@Nullable Integer max) {
    this.maxConcurrentChecks = max;
  }

  /** @return rate limits by {@code group/kind} */
  public Map<String, RateProperties> getRateLimits() {
    return rateLimits;
  }

  /** @param rateLimits rate limits by {@code group/kind} */
  public void setRateLimits(Map<String, RateProperties> rateLimits) {
    this.rateLimits = rateLimits;
  }

  /** @return the rate limit of kinds without their own, or null for unlimited */
  @Nullable
  public RateProperties getDefaultRateLimit() {
    return defaultRateLimit;
  }

  /** @param rate the rate limit of kinds without their own */
  public void setDefaultRateLimit(@Nullable RateProperties rate) {
    this.defaultRateLimit = rate;
  }

  /** @return the deadline of each extension call, or null for the default */
  @Nullable
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /** @param callTimeout the deadline of each extension call */
  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** @return when to stop acting on a drift actions do not fix, or null for Keel's policy */
  @Nullable
  public GiveUpProperties getGiveUpPolicy() {
    return giveUpPolicy;
  }

  /** @param policy when to stop acting on a drift actions do not fix */
  public void setGiveUpPolicy(@Nullable GiveUpProperties policy) {
    this.giveUpPolicy = policy;
  }

  /** @return the back-off after a failed check, or null for the default */
  @Nullable
  public RetryProperties getRetryBackoff() {
    return retryBackoff;
  }

  /** @param retryBackoff the back-off after a failed check */
  public void setRetryBackoff(@Nullable RetryProperties retryBackoff) {
    this.retryBackoff = retryBackoff;
  }

  /** @return how often running tasks are polled, or null for the default */
  @Nullable
  public Duration getTaskPollInterval() {
    return taskPollInterval;
  }

  /** @param interval how often running tasks are polled */
  public void setTaskPollInterval(@Nullable Duration interval) {
    this.taskPollInterval = interval;
  }

  /** @return the resolvers not to run */
  public Set<String> getDisabledResolvers() {
    return disabledResolvers;
  }

  /** @param names the resolvers not to run */
  public void setDisabledResolvers(Set<String> names) {
    this.disabledResolvers = names;
  }

  /** @return how long a claimed check is reserved, or null for the default */
  @Nullable
  public Duration getClaimLease() {
    return claimLease;
  }

  /** @param claimLease how long a claimed check is reserved */
  public void setClaimLease(@Nullable Duration claimLease) {
    this.claimLease = claimLease;
  }

  /** @return this instance's name in the store's claims, or null for the default */
  @Nullable
  public String getInstanceId() {
    return instanceId;
  }

  /** @param instanceId this instance's name in the store's claims */
  public void setInstanceId(@Nullable String instanceId) {
    this.instanceId = instanceId;
  }

  /** @return the jitter's seed, or null for the default */
  @Nullable
  public Long getRandomSeed() {
    return randomSeed;
  }

  /** @param randomSeed the jitter's seed */
  public void setRandomSeed(@Nullable Long randomSeed) {
    this.randomSeed = randomSeed;
  }

  /** @return how often promotion is checked without a trigger, or null for the default */
  @Nullable
  public Duration getPromotionCheckInterval() {
    return promotionCheckInterval;
  }

  /** @param interval how often promotion is checked without a trigger */
  public void setPromotionCheckInterval(@Nullable Duration interval) {
    this.promotionCheckInterval = interval;
  }

  /** @return how many newest versions a promotion check considers, or null for the default */
  @Nullable
  public Integer getMaxConsideredVersions() {
    return maxConsideredVersions;
  }

  /** @param max how many newest versions a promotion check considers */
  public void setMaxConsideredVersions(@Nullable Integer max) {
    this.maxConsideredVersions = max;
  }

  /** @return the operator's change freezes */
  public List<FreezeProperties> getOperatorFreezes() {
    return operatorFreezes;
  }

  /** @param freezes the operator's change freezes */
  public void setOperatorFreezes(List<FreezeProperties> freezes) {
    this.operatorFreezes = freezes;
  }

  /** @return how long the in-memory store keeps history, or null for the default */
  @Nullable
  public RetentionProperties getRetention() {
    return retention;
  }

  /** @param retention how long the store keeps history */
  public void setRetention(@Nullable RetentionProperties retention) {
    this.retention = retention;
  }

  /** @return the time zone of allowed-times windows without one, or null for the default */
  @Nullable
  public String getDefaultTimeZone() {
    return defaultTimeZone;
  }

  /** @param zone the time zone of allowed-times windows without one, such as {@code UTC} */
  public void setDefaultTimeZone(@Nullable String zone) {
    this.defaultTimeZone = zone;
  }

  /** @return how many stuck calls one plugin may have, or null for the default */
  @Nullable
  public Integer getMaxStuckCallsPerPlugin() {
    return maxStuckCallsPerPlugin;
  }

  /** @param max how many stuck calls one plugin may have */
  public void setMaxStuckCallsPerPlugin(@Nullable Integer max) {
    this.maxStuckCallsPerPlugin = max;
  }

  /** @return the plugin settings */
  public PluginProperties getPlugins() {
    return plugins;
  }

  /** @return the store settings */
  public StoreProperties getStore() {
    return store;
  }

  /** @return the REST API settings */
  public ApiProperties getApi() {
    return api;
  }

  /** @return the security settings */
  public SecurityProperties getSecurity() {
    return security;
  }

  /** @return whether the health indicator is on */
  public ToggleProperties getHealth() {
    return health;
  }

  /** @return whether the metrics are on */
  public ToggleProperties getMetrics() {
    return metrics;
  }

}
