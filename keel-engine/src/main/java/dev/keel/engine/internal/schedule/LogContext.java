package dev.keel.engine.internal.schedule;

import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import org.slf4j.MDC;

/**
 * The SLF4J {@link MDC} entries the engine sets while it works on one resource, one task or one application's
 * promotion, and the carrying of a thread's MDC onto the threads the engine hands work to, so that the engine's and an
 * extension's log lines name what they concern. Uses only the SLF4J 1.7 API. Every scope restores exactly what it
 * replaced, so the threads of a pool are left clean.
 */
public final class LogContext {

  /** The MDC key of the resource being checked: {@value}. */
  public static final String RESOURCE_ID = "keel.resourceId";

  /** The MDC key of the application of the resource being checked, or whose promotion is being checked: {@value}. */
  public static final String APPLICATION = "keel.application";

  /** The MDC key of the environment whose promotion (constraints, verifications) is being checked: {@value}. */
  public static final String ENVIRONMENT = "keel.environment";

  /** The MDC key of the task being followed, with {@link #RESOURCE_ID} the resource it was launched for: {@value}. */
  public static final String TASK_ID = "keel.taskId";

  @Nullable private final Map<String, String> entries;

  private LogContext(@Nullable Map<String, String> entries) {
    this.entries = entries;
  }

  /** Ends a scope, putting back what it replaced; never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The current thread's MDC, to be installed on the thread that runs work handed over from this one.
   *
   * @return the captured entries
   */
  public static LogContext capture() {
    Map<String, String> copy = MDC.getCopyOfContextMap();
    return new LogContext(copy == null || copy.isEmpty() ? null : Map.copyOf(copy));
  }

  /**
   * Installs the captured entries on the current thread, in place of its own until the scope closes.
   *
   * @return the scope that restores the thread's own entries
   */
  public Scope install() {
    Map<String, String> before = MDC.getCopyOfContextMap();
    if (entries == null && (before == null || before.isEmpty())) {
      return () -> { };
    }
    replace(entries);
    return () -> replace(before);
  }

  /**
   * Puts the resource (and, when known, its application) into the current thread's MDC until the scope closes.
   *
   * @param resourceId the resource
   * @param application its application, or null when not known yet
   * @return the scope that restores the entries it replaced
   */
  public static Scope resource(String resourceId, @Nullable String application) {
    Map<String, String> put = new HashMap<>();
    put.put(RESOURCE_ID, resourceId);
    if (application != null) {
      put.put(APPLICATION, application);
    }
    return put(put);
  }

  /**
   * Puts an application (and, when known, one of its environments) into the current thread's MDC until the scope
   * closes, while the engine checks its promotion.
   *
   * @param application the application
   * @param environment the environment, or null for the whole application
   * @return the scope that restores the entries it replaced
   */
  public static Scope application(String application, @Nullable String environment) {
    Map<String, String> put = new HashMap<>();
    put.put(APPLICATION, application);
    if (environment != null) {
      put.put(ENVIRONMENT, environment);
    }
    return put(put);
  }

  /**
   * Puts a task, the resource it was launched for and that resource's application into the current thread's MDC
   * until the scope closes, while the engine follows the task.
   *
   * @param taskId the task
   * @param resourceId the resource
   * @param application its application
   * @return the scope that restores the entries it replaced
   */
  public static Scope task(String taskId, String resourceId, String application) {
    return put(Map.of(TASK_ID, taskId, RESOURCE_ID, resourceId, APPLICATION, application));
  }

  private static Scope put(Map<String, String> put) {
    Map<String, String> before = new HashMap<>();
    put.forEach((key, value) -> {
      before.put(key, MDC.get(key));
      MDC.put(key, value);
    });
    return () -> before.forEach((key, value) -> {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }

  private static void replace(@Nullable Map<String, String> map) {
    // MDC.setContextMap(null) fails in some bindings (Logback 1.2): clear instead.
    MDC.clear();
    if (map != null && !map.isEmpty()) {
      MDC.setContextMap(map);
    }
  }
}
