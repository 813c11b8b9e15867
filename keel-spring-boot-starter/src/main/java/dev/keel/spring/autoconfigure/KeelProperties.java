package dev.keel.spring.autoconfigure;

import java.time.Duration;
import java.time.LocalDateTime;
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
  private Map<String, Rate> rateLimits = new LinkedHashMap<>();
  @Nullable private Rate defaultRateLimit;
  @Nullable private Duration callTimeout;
  @Nullable private GiveUp giveUpPolicy;
  @Nullable private Retry retryBackoff;
  @Nullable private Duration taskPollInterval;
  private Set<String> disabledResolvers = new LinkedHashSet<>();
  @Nullable private Duration claimLease;
  @Nullable private String instanceId;
  @Nullable private Long randomSeed;
  @Nullable private Duration promotionCheckInterval;
  @Nullable private Integer maxConsideredVersions;
  private List<Freeze> operatorFreezes = new ArrayList<>();
  @Nullable private Keep retention;
  @Nullable private String defaultTimeZone;
  @Nullable private Integer maxStuckCallsPerPlugin;
  private final Plugins plugins = new Plugins();
  private final Store store = new Store();
  private final Api api = new Api();
  private final Security security = new Security();
  private final Toggle health = new Toggle();
  private final Toggle metrics = new Toggle();

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
  public Map<String, Rate> getRateLimits() {
    return rateLimits;
  }

  /** @param rateLimits rate limits by {@code group/kind} */
  public void setRateLimits(Map<String, Rate> rateLimits) {
    this.rateLimits = rateLimits;
  }

  /** @return the rate limit of kinds without their own, or null for unlimited */
  @Nullable
  public Rate getDefaultRateLimit() {
    return defaultRateLimit;
  }

  /** @param rate the rate limit of kinds without their own */
  public void setDefaultRateLimit(@Nullable Rate rate) {
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
  public GiveUp getGiveUpPolicy() {
    return giveUpPolicy;
  }

  /** @param policy when to stop acting on a drift actions do not fix */
  public void setGiveUpPolicy(@Nullable GiveUp policy) {
    this.giveUpPolicy = policy;
  }

  /** @return the back-off after a failed check, or null for the default */
  @Nullable
  public Retry getRetryBackoff() {
    return retryBackoff;
  }

  /** @param retryBackoff the back-off after a failed check */
  public void setRetryBackoff(@Nullable Retry retryBackoff) {
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
  public List<Freeze> getOperatorFreezes() {
    return operatorFreezes;
  }

  /** @param freezes the operator's change freezes */
  public void setOperatorFreezes(List<Freeze> freezes) {
    this.operatorFreezes = freezes;
  }

  /** @return how long the in-memory store keeps history, or null for the default */
  @Nullable
  public Keep getRetention() {
    return retention;
  }

  /** @param retention how long the store keeps history */
  public void setRetention(@Nullable Keep retention) {
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
  public Plugins getPlugins() {
    return plugins;
  }

  /** @return the store settings */
  public Store getStore() {
    return store;
  }

  /** @return the REST API settings */
  public Api getApi() {
    return api;
  }

  /** @return the security settings */
  public Security getSecurity() {
    return security;
  }

  /** @return whether the health indicator is on */
  public Toggle getHealth() {
    return health;
  }

  /** @return whether the metrics are on */
  public Toggle getMetrics() {
    return metrics;
  }

  /** A rate limit: {@code per-second} starts, bursts of up to {@code burst}. */
  public static class Rate {
    private double perSecond;
    private int burst = 1;

    /** @return starts per second */
    public double getPerSecond() {
      return perSecond;
    }

    /** @param perSecond starts per second */
    public void setPerSecond(double perSecond) {
      this.perSecond = perSecond;
    }

    /** @return the burst */
    public int getBurst() {
      return burst;
    }

    /** @param burst the burst */
    public void setBurst(int burst) {
      this.burst = burst;
    }
  }

  /** The give-up policy; unset fields take Keel's defaults. */
  public static class GiveUp {
    @Nullable private Integer actionsBeforeWaiting;
    @Nullable private Duration waitBetweenActions;
    @Nullable private Integer maxActions;
    @Nullable private Integer maxActionsPerWindow;
    @Nullable private Duration actionWindow;

    /** @return actions allowed back to back */
    @Nullable
    public Integer getActionsBeforeWaiting() {
      return actionsBeforeWaiting;
    }

    /** @param n actions allowed back to back */
    public void setActionsBeforeWaiting(@Nullable Integer n) {
      this.actionsBeforeWaiting = n;
    }

    /** @return the wait before each further action */
    @Nullable
    public Duration getWaitBetweenActions() {
      return waitBetweenActions;
    }

    /** @param wait the wait before each further action */
    public void setWaitBetweenActions(@Nullable Duration wait) {
      this.waitBetweenActions = wait;
    }

    /** @return the most actions for one drift */
    @Nullable
    public Integer getMaxActions() {
      return maxActions;
    }

    /** @param n the most actions for one drift */
    public void setMaxActions(@Nullable Integer n) {
      this.maxActions = n;
    }

    /** @return the most actions per window, whatever the drift */
    @Nullable
    public Integer getMaxActionsPerWindow() {
      return maxActionsPerWindow;
    }

    /** @param n the most actions per window, whatever the drift */
    public void setMaxActionsPerWindow(@Nullable Integer n) {
      this.maxActionsPerWindow = n;
    }

    /** @return the window of that budget */
    @Nullable
    public Duration getActionWindow() {
      return actionWindow;
    }

    /** @param window the window of that budget */
    public void setActionWindow(@Nullable Duration window) {
      this.actionWindow = window;
    }
  }

  /** The back-off after failed checks. */
  public static class Retry {
    private Duration base = Duration.ofSeconds(10);
    private Duration max = Duration.ofMinutes(10);

    /** @return the first delay */
    public Duration getBase() {
      return base;
    }

    /** @param base the first delay */
    public void setBase(Duration base) {
      this.base = base;
    }

    /** @return the longest delay */
    public Duration getMax() {
      return max;
    }

    /** @param max the longest delay */
    public void setMax(Duration max) {
      this.max = max;
    }
  }

  /** An operator's change freeze: absolute ({@code from}/{@code until}) or recurring ({@code days}/{@code hours}). */
  public static class Freeze {
    private String scope = "GLOBAL";
    @Nullable private String target;
    @Nullable private String reason;
    @Nullable private LocalDateTime from;
    @Nullable private LocalDateTime until;
    @Nullable private String days;
    @Nullable private String hours;
    @Nullable private String tz;

    /** @return GLOBAL, ACCOUNT or APPLICATION */
    public String getScope() {
      return scope;
    }

    /** @param scope GLOBAL, ACCOUNT or APPLICATION */
    public void setScope(String scope) {
      this.scope = scope;
    }

    /** @return the account or application; none for a global freeze */
    @Nullable
    public String getTarget() {
      return target;
    }

    /** @param target the account or application */
    public void setTarget(@Nullable String target) {
      this.target = target;
    }

    /** @return why */
    @Nullable
    public String getReason() {
      return reason;
    }

    /** @param reason why */
    public void setReason(@Nullable String reason) {
      this.reason = reason;
    }

    /** @return the start of an absolute freeze */
    @Nullable
    public LocalDateTime getFrom() {
      return from;
    }

    /** @param from the start of an absolute freeze */
    public void setFrom(@Nullable LocalDateTime from) {
      this.from = from;
    }

    /** @return the end of an absolute freeze */
    @Nullable
    public LocalDateTime getUntil() {
      return until;
    }

    /** @param until the end of an absolute freeze */
    public void setUntil(@Nullable LocalDateTime until) {
      this.until = until;
    }

    /** @return the days of a recurring freeze */
    @Nullable
    public String getDays() {
      return days;
    }

    /** @param days the days of a recurring freeze, such as {@code Sat-Sun} */
    public void setDays(@Nullable String days) {
      this.days = days;
    }

    /** @return the hours of a recurring freeze */
    @Nullable
    public String getHours() {
      return hours;
    }

    /** @param hours the hours of a recurring freeze, such as {@code 18-06} */
    public void setHours(@Nullable String hours) {
      this.hours = hours;
    }

    /** @return the time zone */
    @Nullable
    public String getTz() {
      return tz;
    }

    /** @param tz the time zone; UTC when unset */
    public void setTz(@Nullable String tz) {
      this.tz = tz;
    }
  }

  /** How long history is kept. */
  public static class Keep {
    private Duration removedGrace = Duration.ofHours(1);
    private int maxEvents = 500;
    private Duration maxAge = Duration.ofDays(30);

    /** @return how long a removed resource's history stays */
    public Duration getRemovedGrace() {
      return removedGrace;
    }

    /** @param grace how long a removed resource's history stays */
    public void setRemovedGrace(Duration grace) {
      this.removedGrace = grace;
    }

    /** @return the most events kept per resource */
    public int getMaxEvents() {
      return maxEvents;
    }

    /** @param maxEvents the most events kept per resource */
    public void setMaxEvents(int maxEvents) {
      this.maxEvents = maxEvents;
    }

    /** @return the age beyond which events are dropped */
    public Duration getMaxAge() {
      return maxAge;
    }

    /** @param maxAge the age beyond which events are dropped */
    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }
  }

  /** Plugins: where the zips are, which not to load, and each plugin's settings. */
  public static class Plugins {
    @Nullable private String directory;
    private Set<String> disabled = new LinkedHashSet<>();
    @Nullable private Duration startDeadline;
    private Map<String, Map<String, Object>> config = new LinkedHashMap<>();

    /** @return the directory of plugin zips, or null to load none */
    @Nullable
    public String getDirectory() {
      return directory;
    }

    /** @param directory the directory of plugin zips */
    public void setDirectory(@Nullable String directory) {
      this.directory = directory;
    }

    /** @return plugin ids not to load */
    public Set<String> getDisabled() {
      return disabled;
    }

    /** @param disabled plugin ids not to load */
    public void setDisabled(Set<String> disabled) {
      this.disabled = disabled;
    }

    /** @return how long each plugin may take to start, or null for the default */
    @Nullable
    public Duration getStartDeadline() {
      return startDeadline;
    }

    /** @param startDeadline how long each plugin may take to start */
    public void setStartDeadline(@Nullable Duration startDeadline) {
      this.startDeadline = startDeadline;
    }

    /** @return each plugin's settings by plugin id ({@code keel.plugins.config[dev.keel.ec2].simulated}) */
    public Map<String, Map<String, Object>> getConfig() {
      return config;
    }

    /** @param config each plugin's settings by plugin id */
    public void setConfig(Map<String, Map<String, Object>> config) {
      this.config = config;
    }
  }

  /** The store: the application's DataSource when keel-store-jdbc is present, else in memory. */
  public static class Store {
    private boolean jdbc = true;
    private String tablePrefix = "keel_";
    private boolean migrate = true;
    private String clock = "database";

    /** @return where lease times come from: {@code database} (the default) or {@code engine} (the engine's clock) */
    public String getClock() {
      return clock;
    }

    /** @param clock {@code database} or {@code engine} */
    public void setClock(String clock) {
      this.clock = clock;
    }

    /** @return whether to use the application's DataSource when keel-store-jdbc is present */
    public boolean isJdbc() {
      return jdbc;
    }

    /** @param jdbc whether to use the application's DataSource when keel-store-jdbc is present */
    public void setJdbc(boolean jdbc) {
      this.jdbc = jdbc;
    }

    /** @return the prefix of Keel's tables */
    public String getTablePrefix() {
      return tablePrefix;
    }

    /** @param tablePrefix the prefix of Keel's tables */
    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    /** @return whether the store migrates its tables at start (else it only checks them) */
    public boolean isMigrate() {
      return migrate;
    }

    /** @param migrate whether the store migrates its tables at start */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** Keel's REST API. */
  public static class Api extends Toggle {
    private int maxConfigBytes = 1024 * 1024;

    /** @return the largest delivery config accepted, in bytes */
    public int getMaxConfigBytes() {
      return maxConfigBytes;
    }

    /** @param maxConfigBytes the largest delivery config accepted, in bytes */
    public void setMaxConfigBytes(int maxConfigBytes) {
      this.maxConfigBytes = maxConfigBytes;
    }
  }

  /** Who may write through the REST API. */
  public static class Security {
    private boolean trustGateHeader;
    private boolean allowAnonymousWrites;

    /** @return whether the acting user is read from Gate's {@code X-SPINNAKER-USER} header */
    public boolean isTrustGateHeader() {
      return trustGateHeader;
    }

    /** @param trust whether the acting user is read from Gate's {@code X-SPINNAKER-USER} header */
    public void setTrustGateHeader(boolean trust) {
      this.trustGateHeader = trust;
    }

    /** @return whether writes are allowed with no user and no authorizer */
    public boolean isAllowAnonymousWrites() {
      return allowAnonymousWrites;
    }

    /** @param allow whether writes are allowed with no user and no authorizer */
    public void setAllowAnonymousWrites(boolean allow) {
      this.allowAnonymousWrites = allow;
    }
  }

  /** A part that can be turned off. */
  public static class Toggle {
    private boolean enabled = true;

    /** @return whether the part is on */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether the part is on */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
