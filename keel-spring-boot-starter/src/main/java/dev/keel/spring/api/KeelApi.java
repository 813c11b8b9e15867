package dev.keel.spring.api;

import dev.keel.engine.Actor;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.ConfigConflictException;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keel's REST operations on delivery configs and resources, without Spring: each method takes the request's values
 * and answers a JSON-ready value (maps, lists, strings, numbers), or throws an {@link ApiException} carrying the
 * status to answer. Every write asks the {@link WriteGuard} first and records who did it. Promotion operations are
 * in {@link PromotionApi}; {@link #promotions()} gives them.
 */
public final class KeelApi {

  private static final Logger LOG = LoggerFactory.getLogger(KeelApi.class);

  private final KeelEngine engine;
  private final WriteGuard guard;
  private final int maxConfigBytes;
  private final PromotionApi promotions;
  private final ConfigSpecCodec codec = new ConfigSpecCodec();

  /**
   * The operations on an engine.
   *
   * @param engine the engine
   * @param guard who may write
   * @param maxConfigBytes the largest delivery config accepted, in UTF-8 bytes
   * @param scheduler the engine's scheduler, to wait for exports on it (a virtual one runs them), or null to wait
   *     on the calling thread
   */
  public KeelApi(KeelEngine engine, WriteGuard guard, int maxConfigBytes, @Nullable Scheduler scheduler) {
    this.engine = engine;
    this.guard = guard;
    this.maxConfigBytes = maxConfigBytes;
    this.promotions = new PromotionApi(engine, guard, this, scheduler);
  }

  /** @return the promotion, pause and export operations */
  public PromotionApi promotions() {
    return promotions;
  }

  // ---- delivery configs

  /**
   * Reads, checks and stores a delivery config ({@code POST /delivery-configs}).
   *
   * @param text the YAML or JSON document
   * @param sourceName the name its problems are reported under
   * @param user who submits, if known
   * @return what changed
   * @throws ApiException 400 with the config's problems, 403, 409 when another config manages the same names
   */
  public Map<String, Object> submit(String text, String sourceName, Optional<String> user) {
    DeliveryConfig config = read(text, sourceName);
    String by = guard.authorize(user, config.application(), WriteAction.SUBMIT);
    SubmitResult result;
    try {
      result = engine.submit(text, sourceName, Actor.of(by));
    } catch (ConfigException e) {
      throw invalid(e);
    } catch (ConfigConflictException e) {
      throw ApiException.conflict(e.getMessage());
    }
    LOG.info("Delivery config {} of {} submitted by {}: {} created, {} updated, {} removed", config.name(),
        config.application(), by, result.created().size(), result.updated().size(), result.removed().size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", config.name());
    out.put("application", config.application());
    out.put("submittedBy", by);
    out.put("created", new TreeSet<>(result.created()));
    out.put("updated", new TreeSet<>(result.updated()));
    out.put("removed", new TreeSet<>(result.removed()));
    out.put("unchanged", new TreeSet<>(result.unchanged()));
    return out;
  }

  /**
   * Checks a delivery config without storing it ({@code POST /delivery-configs/validate}).
   *
   * @param text the document
   * @param sourceName the name its problems are reported under
   * @return its name, application and resource ids
   * @throws ApiException 400 with the config's problems
   */
  public Map<String, Object> validate(String text, String sourceName) {
    DeliveryConfig config = read(text, sourceName);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", true);
    out.put("name", config.name());
    out.put("application", config.application());
    out.put("resources", config.environments().stream().flatMap(e -> e.resources().stream()).map(r -> r.id()).toList());
    return out;
  }

  /**
   * What the engine would do for each resource of a config, nothing executed ({@code POST /delivery-configs/diff}).
   *
   * @param text the document
   * @param sourceName the name its problems are reported under
   * @return per resource: its action, status and the diff (secrets masked)
   * @throws ApiException 400 with the config's problems
   */
  public List<Map<String, Object>> diff(String text, String sourceName) {
    return promotions.plan(read(text, sourceName));
  }

  /**
   * A stored delivery config ({@code GET /delivery-configs/{name}}).
   *
   * @param name the config's name
   * @return its application, environments with their resource ids, artifacts, and the document as submitted
   * @throws ApiException 404 when no such config is stored
   */
  public Map<String, Object> deliveryConfig(String name) {
    List<StoredResource> resources = engine.resources().stream().filter(r -> r.deliveryConfig().equals(name)).toList();
    Optional<SubmittedDocument> document = engine.submittedDocument(name);
    if (resources.isEmpty() && document.isEmpty()) {
      throw ApiException.notFound("No delivery config named " + name);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    document.ifPresent(d -> {
      DeliveryConfig config = engine.configReader().read(d.text(), d.sourceName());
      out.put("application", config.application());
      out.put("serviceAccount", config.serviceAccount());
      out.put("artifacts", config.artifacts().stream().map(a -> Map.of("name", a.name(), "type", a.type(),
          "reference", a.reference())).toList());
      out.put("environments", config.environments().stream().map(e -> Map.of("name", e.name(), "resources",
          e.resources().stream().map(r -> r.id()).toList())).toList());
      out.put("document", d.text());
    });
    if (document.isEmpty()) {
      out.put("application", resources.get(0).resource().application());
      out.put("resources", resources.stream().map(StoredResource::id).toList());
    }
    return out;
  }

  /**
   * The delivery config of an application ({@code GET /delivery-configs/application/{application}}).
   *
   * @param application the application
   * @return as {@link #deliveryConfig(String)}
   * @throws ApiException 404 when the application has no stored config
   */
  public Map<String, Object> deliveryConfigOfApplication(String application) {
    return deliveryConfig(configNameOf(application));
  }

  /**
   * Stops managing a config's resources and forgets it ({@code DELETE /delivery-configs/{name}}); cloud resources
   * are left alone.
   *
   * @param name the config's name
   * @param user who deletes, if known
   * @return the name and who deleted it
   * @throws ApiException 404 when no such config is stored, 403
   */
  public Map<String, Object> delete(String name, Optional<String> user) {
    String application = String.valueOf(deliveryConfig(name).get("application"));
    String by = guard.authorize(user, application, WriteAction.DELETE);
    if (!engine.delete(name, Actor.of(by))) {
      throw ApiException.notFound("No delivery config named " + name);
    }
    LOG.info("Delivery config {} of {} deleted by {}", name, application, by);
    return Map.of("name", name, "deletedBy", by);
  }

  // ---- resources

  /**
   * A managed resource ({@code GET /resources/{id}}).
   *
   * @param id the resource id, such as {@code ec2:cluster:test:fnord-main}
   * @return its kind, application, config, environment, spec and status
   * @throws ApiException 404 when not managed
   */
  public Map<String, Object> resource(String id) {
    StoredResource r = managed(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("kind", r.resource().kind().toString());
    out.put("application", r.resource().application());
    out.put("deliveryConfig", r.deliveryConfig());
    out.put("environment", r.environment());
    out.put("version", r.version());
    out.put("status", engine.status(id).name());
    out.put("spec", codec.toMap(r.resource().spec()));
    return out;
  }

  /**
   * A resource's status ({@code GET /resources/{id}/status}).
   *
   * @param id the resource id
   * @return the id and status
   * @throws ApiException 404 when not managed
   */
  public Map<String, Object> status(String id) {
    managed(id);
    ResourceStatus status = engine.status(id);
    return Map.of("id", id, "status", status.name());
  }

  StoredResource managed(String id) {
    return engine.resources().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiException.notFound("No managed resource " + id));
  }

  /**
   * Pauses or resumes actuation of a resource ({@code POST} / {@code DELETE /resources/{id}/pause}).
   *
   * @param id the resource id
   * @param pause true to pause, false to resume
   * @param user who acts, if known
   * @param comment why, or null
   * @return the id, whether it is now paused and who did it
   * @throws ApiException 404 when not managed, 403
   */
  public Map<String, Object> pauseResource(String id, boolean pause, Optional<String> user, @Nullable String comment) {
    StoredResource r = managed(id);
    String by = guard.authorize(user, r.resource().application(), pause ? WriteAction.PAUSE : WriteAction.RESUME);
    try {
      if (pause) {
        engine.pauses().pauseResource(id, Actor.of(by, comment));
      } else {
        engine.pauses().resumeResource(id, Actor.of(by, comment));
      }
    } catch (NoSuchElementException e) {
      throw ApiException.notFound(e.getMessage());
    }
    return Map.of("id", id, "paused", pause, "by", by);
  }

  /**
   * Pauses or resumes a whole application ({@code POST} / {@code DELETE /application/{app}/pause}).
   *
   * @param application the application
   * @param pause true to pause, false to resume
   * @param user who acts, if known
   * @param comment why, or null
   * @return the application, whether it is now paused and who did it
   * @throws ApiException 404 when the application has no config, 403
   */
  public Map<String, Object> pauseApplication(String application, boolean pause, Optional<String> user,
      @Nullable String comment) {
    configNameOf(application);
    String by = guard.authorize(user, application, pause ? WriteAction.PAUSE : WriteAction.RESUME);
    if (pause) {
      engine.pauses().pauseApplication(application, Actor.of(by, comment));
    } else {
      engine.pauses().resumeApplication(application, Actor.of(by, comment));
    }
    return Map.of("application", application, "paused", pause, "by", by);
  }

  String configNameOf(String application) {
    return engine.resources().stream().filter(r -> r.resource().application().equals(application))
        .map(StoredResource::deliveryConfig).findFirst()
        .orElseThrow(() -> ApiException.notFound("No delivery config for application " + application));
  }

  private DeliveryConfig read(String text, String sourceName) {
    if (text.getBytes(StandardCharsets.UTF_8).length > maxConfigBytes) {
      throw new ApiException(413, "The delivery config is larger than " + maxConfigBytes
          + " bytes (keel.api.max-config-bytes)", List.of());
    }
    if (text.isBlank()) {
      throw ApiException.badRequest("The request has no delivery config: send YAML or JSON in the body");
    }
    try {
      return engine.configReader().read(text, sourceName);
    } catch (ConfigException e) {
      throw invalid(e);
    }
  }

  private static ApiException invalid(ConfigException e) {
    return new ApiException(400, "The delivery config is invalid: " + e.problems().size() + " problem(s)"
        + (e.omitted() > 0 ? " and " + e.omitted() + " more" : ""), e.problems());
  }
}
