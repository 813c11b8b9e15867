package dev.keel.engine;

import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.freeze.FreezeStatus;
import dev.keel.engine.internal.freeze.Freezes;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Change freezes, from {@link KeelEngine#freezes()}: which are in force, and letting a resource or an
 * environment through them. A frozen resource is checked again the moment its freeze ends.
 */
public final class FreezeControl {

  private final EngineWiring engine;

  FreezeControl(EngineWiring engine) {
    this.engine = engine;
  }

  /**
   * Every change freeze covering an application's resources, with whether it is in force, until when,
   * and when it next starts.
   *
   * @param application the application
   * @return the freezes; empty if the application has no config
   */
  public List<FreezeStatus> status(String application) {
    return engine.store.deliveryConfigForApplication(application).map(engine.freezes::statuses).orElse(List.of());
  }

  /**
   * Lets every resource of an environment through the change freezes in force until they end. Who and why
   * are recorded in the history of each of its resources, which are checked at once.
   *
   * @param application the application
   * @param environment the environment
   * @param actor who, and why: a freeze override needs a comment
   * @throws NoSuchElementException if the application or environment is unknown
   * @throws IllegalArgumentException if the actor gives no comment
   */
  public void overrideEnvironment(String application, String environment, Actor actor) {
    String reason = reason(actor);
    DeliveryConfig config = engine.configOf(application);
    List<String> ids = config.environment(environment).resources().stream().map(Resource::id).toList();
    override(Freezes.environmentKey(config.name(), environment), application, ids, actor.by(), reason);
  }

  /**
   * Lets one resource through the change freezes in force until they end. Who and why are recorded in its
   * history, and it is checked at once.
   *
   * @param resourceId the resource
   * @param actor who, and why: a freeze override needs a comment
   * @throws NoSuchElementException if the resource is not managed
   * @throws IllegalArgumentException if the actor gives no comment
   */
  public void overrideResource(String resourceId, Actor actor) {
    String reason = reason(actor);
    StoredResource stored = engine.managed(resourceId);
    override(Freezes.resourceKey(resourceId), stored.resource().application(), List.of(resourceId), actor.by(), reason);
  }

  private static String reason(Actor actor) {
    if (actor.comment() == null || actor.comment().isBlank()) {
      throw new IllegalArgumentException("Say why the freeze is overridden: give the actor a comment, as in"
          + " Actor.of(\"" + actor.by() + "\", \"hotfix for incident 42\")");
    }
    return actor.comment();
  }

  private void override(String key, String application, List<String> resourceIds, String by, String reason) {
    Instant now = engine.clock().instant();
    engine.store.savePause(new Pause(PauseScope.FREEZE_OVERRIDE, key, by, now, reason));
    for (String id : resourceIds) {
      engine.recorder.record(new ResourceEvent.FreezeOverridden(id, application, now, by, reason));
      engine.checks.trigger(id);
    }
  }
}
