package dev.keel.engine.event;

import dev.keel.spi.PluginEvent;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Something that happened to one resource. Check results ({@link #isCheckResult()}) are not stored
 * again when they repeat the previous event of the resource with the same content.
 */
public sealed interface ResourceEvent extends KeelEvent {

  /**
   * The resource's id.
   *
   * @return the id
   */
  String resourceId();

  /**
   * Whether this is the result of a check, which is dropped from history when it merely repeats the
   * previous event.
   *
   * @return true for check results
   */
  default boolean isCheckResult() {
    return false;
  }

  /**
   * What a check result says beyond its type. A check whose results have, one by one, the types and keys
   * of the results the previous check recorded says nothing new, and is not recorded again; so a result
   * whose content tells one drift or failure from the next puts that content in its key.
   *
   * @return the key, compared with {@link Object#equals}; empty (the default) when the type says it all
   */
  default List<Object> repeatKey() {
    return List.of();
  }

  /**
   * The resource was submitted for the first time.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   */
  record Created(String resourceId, String application, Instant at) implements ResourceEvent {
    @Override
    public String message() {
      return "Resource definition created";
    }
  }

  /**
   * The resource's definition changed in a newly submitted config.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param version the new stored version
   */
  record Updated(String resourceId, String application, Instant at, long version) implements ResourceEvent {
    @Override
    public String message() {
      return "Resource definition updated (version " + version + ")";
    }
  }

  /**
   * The resource was removed from its delivery config; the cloud resource is left alone.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   */
  record Removed(String resourceId, String application, Instant at) implements ResourceEvent {
    @Override
    public String message() {
      return "Resource definition removed; no longer managed";
    }
  }

  /**
   * The resource does not exist in the cloud.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   */
  record Missing(String resourceId, String application, Instant at) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public String message() {
      return "Resource not found";
    }
  }

  /**
   * Desired and current differ.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param delta the changes, path to state, desired and current (sensitive values masked)
   * @param fingerprint the diff's fingerprint
   */
  record DeltaDetected(String resourceId, String application, Instant at, Map<String, Object> delta, String fingerprint)
      implements ResourceEvent {
    /** Copies the delta. */
    public DeltaDetected {
      delta = Map.copyOf(delta);
    }

    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(fingerprint);
    }

    @Override
    public String message() {
      return "Resource does not match its definition (" + delta.size() + " change" + (delta.size() == 1 ? "" : "s") + ")";
    }
  }

  /**
   * The handler launched tasks to converge the resource.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param handler the handler's class name
   * @param operations the descriptions of the operations run
   * @param tasks the tasks launched
   */
  record ActuationLaunched(String resourceId, String application, Instant at, String handler, List<String> operations,
      List<Task> tasks) implements ResourceEvent {
    /** Copies the lists. */
    public ActuationLaunched {
      operations = List.copyOf(operations);
      tasks = List.copyOf(tasks);
    }

    @Override
    public String message() {
      return "Updating resource to match its definition: " + String.join("; ", operations);
    }
  }

  /**
   * A difference found earlier is gone.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   */
  record DeltaResolved(String resourceId, String application, Instant at) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public String message() {
      return "Resource was matched to its definition successfully";
    }
  }

  /**
   * The resource matches its definition.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   */
  record Valid(String resourceId, String application, Instant at) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public String message() {
      return "Resource matches its definition";
    }
  }

  /**
   * The desired state cannot be computed yet, such as before any version is approved.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param reason what the resource waits for
   */
  record CheckUnresolvable(String resourceId, String application, Instant at, String reason) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(reason);
    }

    @Override
    public String message() {
      return "Unable to compare resource to its definition: " + reason;
    }
  }

  /**
   * A check failed: a handler, resolver or veto threw or broke its contract.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param phase the step that failed, such as {@code current} or {@code resolver fnord-images}
   * @param errorType the exception's class name
   * @param error the exception's message
   */
  record CheckError(String resourceId, String application, Instant at, String phase, String errorType, String error)
      implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return Arrays.asList(phase, error); // a refused call's message may be null
    }

    @Override
    public String message() {
      return "Failed to check resource status in " + phase + ": " + error;
    }
  }

  /**
   * A step of the check overran its deadline and was abandoned.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param phase the step, such as {@code current}
   * @param deadline the time it was given
   */
  record CheckTimedOut(String resourceId, String application, Instant at, String phase, Duration deadline)
      implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(phase);
    }

    @Override
    public String message() {
      return "Check timed out in " + phase + " after " + deadline;
    }
  }

  /**
   * The check was not made because an earlier call about this resource outlived its deadline and has
   * still not returned (it ignored the interrupt); the engine does not pile another call on top of it.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param phase the earlier call still running, such as {@code current}
   * @param since when that call started
   */
  record CallStuck(String resourceId, String application, Instant at, String phase, Instant since)
      implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(phase, since);
    }

    @Override
    public String message() {
      return "Not checked: the call to " + phase + " started at " + since + " has not returned";
    }
  }

  /**
   * A check stopped without finishing because its engine instance lost the claim's lease: another instance took
   * the check over after the lease expired (it carries on from there), the lease could not be renewed, or the
   * resource is no longer managed. Nothing the check would have written after that was written; a check that lost
   * its lease before acting does not act. Recorded whether or not the lease was still needed to write it.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param instance the engine instance whose check stopped ({@code EngineConfig.instanceId})
   * @param fence the fence of its lost claim
   * @param phase where the check stopped: {@code before acting} (nothing was done), {@code after acting} (tasks
   *     were launched and may not be recorded; the instance that took over finds them through the cloud and their
   *     correlation ids), or {@code renewing the lease}
   * @param reason what happened to the lease
   */
  record CheckAbandoned(String resourceId, String application, Instant at, String instance, long fence, String phase,
      String reason) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(instance, phase);
    }

    @Override
    public String message() {
      return "Check abandoned " + phase + " by " + instance + " (fence " + fence + "): " + reason;
    }
  }

  /**
   * Actuation was paused for this resource.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param by who
   * @param comment why, or null
   */
  record ActuationPaused(String resourceId, String application, Instant at, String by, @Nullable String comment)
      implements ResourceEvent, Attributed {
    @Override
    public String message() {
      return "Resource management paused by " + by + (comment == null ? "" : ": " + comment);
    }
  }

  /**
   * Actuation was resumed for this resource.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param by who
   */
  record ActuationResumed(String resourceId, String application, Instant at, String by)
      implements ResourceEvent, Attributed {
    @Override
    public String message() {
      return "Resource management resumed by " + by;
    }
  }

  /**
   * The resource has drifted while paused: reported, not acted on.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param delta the changes
   * @param fingerprint the diff's fingerprint
   */
  record DriftWhilePaused(String resourceId, String application, Instant at, Map<String, Object> delta,
      String fingerprint) implements ResourceEvent {
    /** Copies the delta. */
    public DriftWhilePaused {
      delta = Map.copyOf(delta);
    }

    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(fingerprint);
    }

    @Override
    public String message() {
      return "Resource does not match its definition, but management is paused";
    }
  }

  /**
   * A veto stopped the engine from acting.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param veto the veto's name
   * @param reason why
   * @param suggestedStatus the status the veto suggests, or null
   */
  record ActuationVetoed(String resourceId, String application, Instant at, String veto, String reason,
      @Nullable ResourceStatus suggestedStatus) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(veto, reason);
    }

    @Override
    public String message() {
      return "Unable to update resource to match its definition: " + reason;
    }
  }

  /**
   * The handler declined to act on a difference.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param reason the handler's reason
   */
  record DiffNotActionable(String resourceId, String application, Instant at, String reason) implements ResourceEvent {
    @Override
    public boolean isCheckResult() {
      return true;
    }

    @Override
    public List<Object> repeatKey() {
      return List.of(reason);
    }

    @Override
    public String message() {
      return "Difference will not be acted on: " + reason;
    }
  }

  /**
   * A launched task finished successfully.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param task the task
   */
  record TaskSucceeded(String resourceId, String application, Instant at, Task task) implements ResourceEvent {
    @Override
    public String message() {
      return "Task succeeded: " + task.name();
    }
  }

  /**
   * A launched task failed.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param task the task
   * @param reason why, as the cloud reported it
   */
  record TaskFailed(String resourceId, String application, Instant at, Task task, String reason)
      implements ResourceEvent {
    @Override
    public String message() {
      return "Task failed: " + task.name() + ": " + reason;
    }
  }

  /**
   * An extension published an event about the resource.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param event what the extension published
   */
  record FromPlugin(String resourceId, String application, Instant at, PluginEvent event) implements ResourceEvent {
    @Override
    public String message() {
      return event.source() + ": " + event.message();
    }
  }

  /**
   * An operator let the resource through a change freeze.
   *
   * @param resourceId the id
   * @param application the application
   * @param at when
   * @param by who
   * @param reason why
   */
  record FreezeOverridden(String resourceId, String application, Instant at, String by, String reason)
      implements ResourceEvent, Attributed {
    @Override
    public String message() {
      return "Change freeze overridden by " + by + ": " + reason;
    }
  }
}
