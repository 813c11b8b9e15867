package dev.keel.engine;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.StoredResource;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * Pauses and resumes actuation, from {@link KeelEngine#pauses()}. Paused resources are still checked and
 * their drift reported, but never acted on; once a pause has returned, no actuation it stops begins.
 * Each pause and resume is recorded in history with who did it.
 */
public final class PauseControl {

  private final EngineWiring engine;

  PauseControl(EngineWiring engine) {
    this.engine = engine;
  }

  /**
   * Pauses actuation of every resource of an application.
   *
   * @param application the application
   * @param actor who pauses, and why
   */
  public void pauseApplication(String application, Actor actor) {
    Instant now = engine.clock().instant();
    engine.checker.changeActuation(() -> engine.store.savePause(
        new Pause(PauseScope.APPLICATION, application, actor.by(), now, actor.comment())));
    engine.recorder.record(new ApplicationEvent.Paused(application, now, actor.by(), actor.comment()));
  }

  /**
   * Resumes an application, and checks its resources at once. Does nothing if it was not paused.
   *
   * @param application the application
   * @param actor who resumes; history records who, not why
   */
  public void resumeApplication(String application, Actor actor) {
    if (engine.store.removePause(PauseScope.APPLICATION, application)) {
      engine.recorder.record(new ApplicationEvent.Resumed(application, engine.clock().instant(), actor.by()));
      engine.store.resources().stream().filter(r -> r.resource().application().equals(application))
          .forEach(r -> engine.store.triggerCheck(r.id()));
      engine.checks.pump();
    }
  }

  /**
   * Pauses actuation of one resource.
   *
   * @param resourceId the resource
   * @param actor who pauses, and why
   * @throws NoSuchElementException if the resource is not managed
   */
  public void pauseResource(String resourceId, Actor actor) {
    StoredResource r = engine.managed(resourceId);
    Instant now = engine.clock().instant();
    engine.checker.changeActuation(() -> engine.store.savePause(
        new Pause(PauseScope.RESOURCE, resourceId, actor.by(), now, actor.comment())));
    engine.recorder.record(new ResourceEvent.ActuationPaused(resourceId, r.resource().application(), now, actor.by(),
        actor.comment()));
  }

  /**
   * Resumes one resource, and checks it at once. Does nothing if it was not paused.
   *
   * @param resourceId the resource
   * @param actor who resumes; history records who, not why
   * @throws NoSuchElementException if the resource is not managed
   */
  public void resumeResource(String resourceId, Actor actor) {
    StoredResource r = engine.managed(resourceId);
    if (engine.store.removePause(PauseScope.RESOURCE, resourceId)) {
      engine.recorder.record(new ResourceEvent.ActuationResumed(resourceId, r.resource().application(),
          engine.clock().instant(), actor.by()));
      engine.checks.trigger(resourceId);
    }
  }
}
