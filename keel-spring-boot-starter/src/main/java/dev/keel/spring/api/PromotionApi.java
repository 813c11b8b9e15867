package dev.keel.spring.api;

import dev.keel.engine.Actor;
import dev.keel.engine.Convergence;
import dev.keel.engine.Judgement;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.UnsupportedKindException;
import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.InvalidVetoException;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keel's REST operations on an application's delivery: its view, environments, pins, vetoes, judgements, plans and
 * exports, without Spring. Made by {@link KeelApi}; every write asks the {@link WriteGuard} first and records who
 * did it in the engine's history.
 */
public final class PromotionApi {

  private static final Logger LOG = LoggerFactory.getLogger(PromotionApi.class);

  private final KeelEngine engine;
  private final WriteGuard guard;
  private final KeelApi configs;
  @Nullable private final Scheduler scheduler;

  PromotionApi(KeelEngine engine, WriteGuard guard, KeelApi configs, @Nullable Scheduler scheduler) {
    this.engine = engine;
    this.guard = guard;
    this.configs = configs;
    this.scheduler = scheduler;
  }

  /**
   * An application's delivery ({@code GET /application/{app}}): whether it has come to rest, its resources with their
   * statuses, and each environment's artifacts with their versions and states.
   *
   * @param application the application
   * @return the view
   * @throws ApiException 404 when the application has no stored config
   */
  public Map<String, Object> application(String application) {
    String configName = configs.configNameOf(application);
    Convergence convergence = engine.convergence(application);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("application", application);
    out.put("deliveryConfig", configName);
    out.put("converged", convergence.converged());
    out.put("blockers", convergence.blockers());
    out.put("resources", resourcesOf(application).stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("kind", r.resource().kind().toString());
      m.put("environment", r.environment());
      m.put("status", engine.status(r.id()).name());
      return m;
    }).toList());
    out.put("environments", environments(application));
    return out;
  }

  /**
   * An application's environments ({@code GET /environments/{application}}): each with its resources and, per
   * artifact, the version it should run and every considered version's state.
   *
   * @param application the application
   * @return the environments, in config order
   * @throws ApiException 404 when the application has no stored config
   */
  public List<Map<String, Object>> environments(String application) {
    configs.configNameOf(application);
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (StoredResource r : resourcesOf(application)) {
      environment(byName, r.environment()).get("resources").add(r.id());
    }
    for (EnvironmentPromotion p : engine.promotions().status(application)) {
      Map<String, Object> artifact = new LinkedHashMap<>();
      artifact.put("reference", p.artifactReference());
      artifact.put("desiredVersion", p.desiredVersion());
      artifact.put("versions", p.versions().stream().map(PromotionApi::version).toList());
      environment(byName, p.environment()).get("artifacts").add(artifact);
    }
    return List.copyOf(byName.values());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Object>> environment(Map<String, Map<String, Object>> byName, String name) {
    Map<String, Object> env = byName.computeIfAbsent(name, n -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n);
      m.put("resources", new ArrayList<>());
      m.put("artifacts", new ArrayList<>());
      return m;
    });
    return (Map<String, List<Object>>) (Map<String, ?>) env;
  }

  private static Map<String, Object> version(VersionPromotion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.version());
    m.put("state", v.status().name());
    m.put("pinned", v.pinned());
    m.put("approvedAt", v.approvedAt() == null ? null : v.approvedAt().toString());
    m.put("deployedAt", v.deployedAt() == null ? null : v.deployedAt().toString());
    m.put("replacedBy", v.replacedBy());
    m.put("vetoedBy", v.vetoedBy());
    m.put("constraints", v.constraints().stream().map(PromotionApi::constraint).toList());
    return m;
  }

  private static Map<String, Object> constraint(ConstraintState c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", c.type());
    m.put("status", c.status().name());
    m.put("judgedBy", c.judgedBy());
    m.put("judgedAt", c.judgedAt() == null ? null : c.judgedAt().toString());
    m.put("comment", c.comment());
    return m;
  }

  private List<StoredResource> resourcesOf(String application) {
    return engine.resources().stream().filter(r -> r.resource().application().equals(application))
        .sorted(Comparator.comparing(StoredResource::id)).toList();
  }

  /**
   * Pins a version in an environment ({@code POST /application/{app}/pin}).
   *
   * @param application the application
   * @param target the environment, artifact and version, and why
   * @param user who pins, if known
   * @return what was pinned and by whom
   * @throws ApiException 404 for an unknown environment, artifact or version, 403
   */
  public Map<String, Object> pin(String application, VersionTarget target, Optional<String> user) {
    return mark(application, target, user, WriteAction.PIN, "pinned",
        (where, actor) -> engine.promotions().pin(where, target.version(), actor));
  }

  /**
   * Removes a pin ({@code DELETE /application/{app}/pin/{environment}?reference=}).
   *
   * @param application the application
   * @param environment the environment
   * @param reference the artifact's reference
   * @param user who unpins, if known
   * @return whether there was a pin, and who removed it
   * @throws ApiException 404 for an unknown environment or artifact, 403
   */
  public Map<String, Object> unpin(String application, String environment, String reference, Optional<String> user) {
    EnvironmentArtifact where = where(application, environment, reference);
    String by = guard.authorize(user, application, WriteAction.UNPIN);
    boolean removed = call(() -> engine.promotions().unpin(where, Actor.of(by)));
    LOG.info("{} unpinned {} in {} of {} (was pinned: {})", by, reference, environment, application, removed);
    return Map.of("application", application, "environment", environment, "reference", reference, "unpinned",
        removed, "by", by);
  }

  /**
   * Marks a version bad in an environment ({@code POST /application/{app}/veto}).
   *
   * @param application the application
   * @param target the environment, artifact and version, and why
   * @param user who vetoes, if known
   * @return what was vetoed and by whom
   * @throws ApiException 404 for unknown names, 400 when the version cannot be vetoed (pinned, unknown there), 403
   */
  public Map<String, Object> veto(String application, VersionTarget target, Optional<String> user) {
    return mark(application, target, user, WriteAction.VETO, "vetoed",
        (where, actor) -> engine.promotions().veto(where, target.version(), actor));
  }

  /**
   * Undoes a veto ({@code DELETE /application/{app}/veto/{environment}/{reference}/{version}}).
   *
   * @param application the application
   * @param environment the environment
   * @param reference the artifact's reference
   * @param version the version
   * @param user who acts, if known
   * @return whether it was vetoed, and who undid it
   * @throws ApiException 404 for unknown names, 403
   */
  public Map<String, Object> unveto(String application, String environment, String reference, String version,
      Optional<String> user) {
    EnvironmentArtifact where = where(application, environment, reference);
    String by = guard.authorize(user, application, WriteAction.UNVETO);
    boolean removed = call(() -> engine.promotions().unveto(where, version, Actor.of(by)));
    LOG.info("{} removed the veto of {} {} in {} of {} (was vetoed: {})", by, reference, version, environment,
        application, removed);
    return Map.of("application", application, "environment", environment, "reference", reference, "version", version,
        "unvetoed", removed, "by", by);
  }

  /**
   * Judges a stateful constraint for a version ({@code POST /application/{app}/environment/{env}/constraint}).
   *
   * @param application the application
   * @param target the environment, artifact and version, and why
   * @param type the constraint type, such as {@code manual-judgement}
   * @param status {@code PASS}, {@code FAIL}, {@code OVERRIDE_PASS} or {@code OVERRIDE_FAIL}
   * @param user who judges, if known
   * @return the judgement and who made it
   * @throws ApiException 400 for another status, 404 for unknown names or constraint, 403
   */
  public Map<String, Object> judge(String application, VersionTarget target, String type, String status,
      Optional<String> user) {
    Judgement judgement = switch (status.trim().toUpperCase(Locale.ROOT)) {
      case "PASS", "OVERRIDE_PASS", "APPROVE", "APPROVED" -> Judgement.PASS;
      case "FAIL", "OVERRIDE_FAIL", "REJECT", "REJECTED" -> Judgement.FAIL;
      default -> throw ApiException.badRequest("status must be PASS, FAIL, OVERRIDE_PASS or OVERRIDE_FAIL; got '"
          + status + "'");
    };
    Map<String, Object> out = mark(application, target, user, WriteAction.JUDGE, "judged",
        (where, actor) -> engine.promotions().judge(where, target.version(), type, judgement, actor));
    out.put("type", type);
    out.put("judgement", judgement.name());
    return out;
  }

  /** Asks the guard, then changes one version's standing as the actor, and says what was done and by whom. */
  private Map<String, Object> mark(String application, VersionTarget target, Optional<String> user,
      WriteAction action, String done, BiConsumer<EnvironmentArtifact, Actor> operation) {
    EnvironmentArtifact where = where(application, target.environment(), target.reference());
    String by = guard.authorize(user, application, action);
    run(() -> operation.accept(where, Actor.of(by, target.comment())));
    LOG.info("{} {} {} {} in {} of {}", by, done, target.reference(), target.version(), target.environment(),
        application);
    return change(application, target.environment(), target.reference(), target.version(), done, by);
  }

  /**
   * What the engine would do for each resource of a config.
   *
   * @param config the config
   * @return per resource: its action, status, what blocks it and the diff, secrets masked
   */
  List<Map<String, Object>> plan(DeliveryConfig config) {
    Plan plan = engine.plan(config);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ResourcePlan r : plan.resources()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.resourceId());
      m.put("kind", r.kind().toString());
      m.put("action", r.action().name());
      m.put("status", r.status().name());
      m.put("blockedBy", r.blockedBy());
      m.put("message", r.message());
      m.put("diff", r.diff() == null ? null : r.diff().render());
      m.put("operations", r.operations().stream().map(o -> o.type() + ": " + o.description()).toList());
      out.add(m);
    }
    return out;
  }

  /**
   * Describes an existing cloud resource as a resource of the engine's kinds
   * ({@code GET /export/{cloudProvider}/{account}/{type}/{name}}).
   *
   * @param cloudProvider the kind's group, such as {@code ec2} or {@code titus}
   * @param account the account
   * @param type the kind's name, such as {@code cluster} or {@code security-group}
   * @param name the resource's name, such as {@code fnord-main}
   * @param regions the regions to look in, empty for all
   * @param user who asks, if known
   * @return {@code kind} and {@code spec}, ready to paste into a config
   * @throws ApiException 404 for an unknown kind or a resource that does not exist, 400 for a bad name
   */
  public Map<String, Object> export(String cloudProvider, String account, String type, String name, List<String> regions,
      Optional<String> user) {
    ResourceKind kind = engine.registry().kinds().stream()
        .filter(k -> k.group().equals(cloudProvider) && k.kind().equals(type))
        .max(Comparator.comparing(ResourceKind::toString))
        .orElseThrow(() -> ApiException.notFound("No handler exports " + cloudProvider + "/" + type + "; known kinds: "
            + engine.registry().kinds()));
    Moniker moniker;
    try {
      moniker = Moniker.parse(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Bad resource name '" + name + "': " + e.getMessage());
    }
    Set<String> inRegions = new LinkedHashSet<>(regions);
    CompletableFuture<Resource<?>> future = engine.exportAsync(new Exportable(kind, account, moniker, inRegions,
        user.orElse(WriteGuard.ANONYMOUS)));
    Resource<?> resource;
    try {
      resource = scheduler != null ? scheduler.await(future) : future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnsupportedOperationException) {
        throw new ApiException(501, "The " + kind + " handler cannot export: " + cause.getMessage(), List.of());
      }
      if (cause instanceof IllegalArgumentException || cause instanceof UnsupportedKindException
          || cause instanceof NoSuchElementException) {
        throw ApiException.notFound("Cannot export " + kind + " " + name + " in " + account + ": " + cause.getMessage());
      }
      LOG.warn("Exporting {} {} in {} failed", kind, name, account, cause);
      throw new ApiException(502, "Exporting " + kind + " " + name + " in " + account + " failed: " + cause, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "Interrupted while exporting", List.of());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", resource.kind().toString());
    out.put("spec", new ConfigSpecCodec().toMap(resource.spec()));
    return out;
  }

  private EnvironmentArtifact where(String application, String environment, String reference) {
    return call(() -> engine.promotions().where(application, environment, reference));
  }

  private static Map<String, Object> change(String application, String environment, String reference, String version,
      String what, String by) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("application", application);
    out.put("environment", environment);
    out.put("reference", reference);
    out.put("version", version);
    out.put(what, true);
    out.put("by", by);
    return out;
  }

  private static void run(Runnable operation) {
    call(() -> {
      operation.run();
      return null;
    });
  }

  private static <T> T call(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (NoSuchElementException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (InvalidVetoException | IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
