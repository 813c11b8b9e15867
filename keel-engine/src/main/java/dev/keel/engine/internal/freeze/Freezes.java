package dev.keel.engine.internal.freeze;

import dev.keel.engine.freeze.FreezeStatus;
import dev.keel.engine.freeze.OperatorFreeze;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.PauseScope;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Freeze;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enforces change freezes as the first veto: while a freeze covering a resource is in force, its
 * actuation does not start (checks still run and drift is reported, and work already in flight is left
 * alone). An operator's override lets one resource or one environment through until the freeze ends; it
 * is then forgotten.
 */
public final class Freezes implements Veto {

  /** The veto's name, {@value}. */
  public static final String NAME = "freeze";

  private final KeelStore store;
  private final Clock clock;
  private final List<OperatorFreeze> operatorFreezes;

  /**
   * Freezes over a store.
   *
   * @param store the store, for configs and overrides
   * @param clock the engine's clock
   * @param operatorFreezes the operator's freezes
   */
  public Freezes(KeelStore store, Clock clock, List<OperatorFreeze> operatorFreezes) {
    this.store = store;
    this.clock = clock;
    this.operatorFreezes = List.copyOf(operatorFreezes);
  }

  /**
   * The override key of a resource.
   *
   * @param resourceId the resource
   * @return the key under which its override is stored
   */
  public static String resourceKey(String resourceId) {
    return "resource:" + resourceId;
  }

  /**
   * The override key of an environment.
   *
   * @param deliveryConfig the config's name
   * @param environment the environment
   * @return the key under which its override is stored
   */
  public static String environmentKey(String deliveryConfig, String environment) {
    return "environment:" + deliveryConfig + "/" + environment;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VetoResponse check(Resource<?> resource, ResourceContext context) {
    Instant now = clock.instant();
    Optional<DeliveryConfig> config = store.deliveryConfig(context.deliveryConfig());
    if (config.isEmpty()) {
      return VetoResponse.allow();
    }
    Map<String, Freeze> active = covering(config.get(), context.environment(), resource).entrySet().stream()
        .filter(e -> e.getValue().activeAt(now))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    String resourceKey = resourceKey(resource.id());
    String environmentKey = environmentKey(context.deliveryConfig(), context.environment());
    if (active.isEmpty()) {
      // The freeze an override was given for is over: the override ends with it.
      store.removePause(PauseScope.FREEZE_OVERRIDE, resourceKey);
      if (!anyActive(config.get(), context.environment(), now)) {
        store.removePause(PauseScope.FREEZE_OVERRIDE, environmentKey);
      }
      return VetoResponse.allow();
    }
    if (store.pause(PauseScope.FREEZE_OVERRIDE, resourceKey).isPresent()
        || store.pause(PauseScope.FREEZE_OVERRIDE, environmentKey).isPresent()) {
      return VetoResponse.allow();
    }
    Instant end = frozenUntil(active.values(), now).orElse(null);
    String why = active.entrySet().stream()
        .map(e -> e.getKey() + (e.getValue().reason() == null ? "" : " (" + e.getValue().reason() + ")"))
        .collect(Collectors.joining(", "));
    return VetoResponse.deny("Frozen " + (end == null ? "indefinitely" : "until " + end) + " by " + why,
        ResourceStatus.FROZEN);
  }

  private boolean anyActive(DeliveryConfig config, String environment, Instant now) {
    Environment env = config.environments().stream().filter(e -> e.name().equals(environment)).findFirst().orElse(null);
    return env != null && env.resources().stream()
        .anyMatch(r -> covering(config, environment, r).values().stream().anyMatch(f -> f.activeAt(now)));
  }

  /**
   * When every freeze covering a resource now will have ended, for rechecking it then.
   *
   * @param stored the resource's config name, environment and resource
   * @param resource the resource
   * @return the instant, or empty when none is in force
   */
  public Optional<Instant> frozenUntil(String deliveryConfig, String environment, Resource<?> resource) {
    Instant now = clock.instant();
    return store.deliveryConfig(deliveryConfig).flatMap(c -> {
      List<Freeze> active = covering(c, environment, resource).values().stream().filter(f -> f.activeAt(now)).toList();
      return active.isEmpty() ? Optional.empty() : frozenUntil(active, now);
    });
  }

  private static Optional<Instant> frozenUntil(java.util.Collection<Freeze> active, Instant now) {
    // Overlapping freezes: follow them until none is in force.
    Instant t = now;
    for (int hop = 0; hop < 32; hop++) {
      Instant at = t;
      Optional<Instant> end = active.stream().filter(f -> f.activeAt(at)).map(f -> f.endAfter(at))
          .flatMap(Optional::stream).max(Instant::compareTo);
      if (end.isEmpty()) {
        return hop == 0 ? Optional.empty() : Optional.of(t);
      }
      t = end.get();
    }
    return Optional.of(t);
  }

  /** The freezes that cover a resource, by where they are declared. */
  private Map<String, Freeze> covering(DeliveryConfig config, String environment, Resource<?> resource) {
    Map<String, Freeze> result = new LinkedHashMap<>();
    Environment env = config.environments().stream().filter(e -> e.name().equals(environment)).findFirst().orElse(null);
    if (env != null) {
      for (int i = 0; i < env.freezes().size(); i++) {
        result.put("environment " + environment + " freeze " + (i + 1), env.freezes().get(i));
      }
    }
    String account = resource.spec() instanceof Locatable l && l.locations() != null ? l.locations().account() : null;
    for (int i = 0; i < operatorFreezes.size(); i++) {
      OperatorFreeze f = operatorFreezes.get(i);
      boolean covers = switch (f.scope()) {
        case GLOBAL -> true;
        case APPLICATION -> f.target().equals(resource.application());
        case ACCOUNT -> f.target().equals(account);
      };
      if (covers) {
        result.put("operator " + f.scope().name().toLowerCase(java.util.Locale.ROOT)
            + (f.target() == null ? "" : " " + f.target()) + " freeze " + (i + 1), f.window());
      }
    }
    return result;
  }

  /**
   * Every freeze covering an application's resources, and where each stands.
   *
   * @param config the application's config
   * @return the freezes
   */
  public List<FreezeStatus> statuses(DeliveryConfig config) {
    Instant now = clock.instant();
    Map<String, Freeze> windows = new LinkedHashMap<>();
    Map<String, Set<String>> covered = new LinkedHashMap<>();
    for (Environment env : config.environments()) {
      for (Resource<?> r : env.resources()) {
        covering(config, env.name(), r).forEach((source, f) -> {
          windows.putIfAbsent(source, f);
          covered.computeIfAbsent(source, k -> new LinkedHashSet<>()).add(r.id());
        });
      }
    }
    List<FreezeStatus> result = new ArrayList<>();
    windows.forEach((source, f) -> result.add(new FreezeStatus(source, f, f.activeAt(now), f.endAfter(now).orElse(null),
        f.activeAt(now) ? null : f.nextStart(now, Duration.ofDays(7)).orElse(null), covered.get(source))));
    return result;
  }
}
