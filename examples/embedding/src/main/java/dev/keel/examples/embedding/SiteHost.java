package dev.keel.examples.embedding;

import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory static site hosting service, standing in for a real one (a CDN, an object store behind a web
 * server). Changes are asynchronous jobs: a publish takes {@code publishTime} on the injected clock, a cache
 * change is done at the next look. Nothing runs in the background; a job's effect appears when anyone looks
 * after it is due, so the host works on the system clock and on virtual time alike.
 *
 * <p>It is also the {@link TaskMonitor} of its jobs (system {@value #SYSTEM}), which the engine polls until
 * they finish. Thread-safe.
 */
public final class SiteHost implements TaskMonitor {

  /** The task system name, {@value}. */
  public static final String SYSTEM = "site-host";

  private record Job(String hostname, SiteState target, Instant doneAt) {}

  private final Clock clock;
  private final Duration publishTime;
  private final Map<String, SiteState> sites = new HashMap<>();
  private final Map<String, Job> running = new LinkedHashMap<>();
  private final Set<String> finished = new HashSet<>();
  private int nextJob;

  /**
   * A host with no sites.
   *
   * @param clock where time comes from
   * @param publishTime how long publishing a bundle takes
   */
  public SiteHost(Clock clock, Duration publishTime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publishTime = Objects.requireNonNull(publishTime, "publishTime");
  }

  /**
   * What a site serves now.
   *
   * @param hostname the site
   * @return its state, or empty if the host serves no such site
   */
  public synchronized Optional<SiteState> site(String hostname) {
    settle();
    return Optional.ofNullable(sites.get(hostname));
  }

  /**
   * Starts publishing a bundle; the site serves it (and is created if new) once the job is done.
   *
   * @param hostname the site
   * @param target what it serves afterwards
   * @return the job's id
   */
  public synchronized String publish(String hostname, SiteState target) {
    return launch(hostname, target, publishTime);
  }

  /**
   * Starts changing a site's cache time-to-live.
   *
   * @param hostname the site
   * @param cacheTtlSeconds the new time-to-live
   * @return the job's id
   * @throws IllegalStateException if the host serves no such site
   */
  public synchronized String setCacheTtl(String hostname, int cacheTtlSeconds) {
    SiteState now = site(hostname).orElseThrow(() -> new IllegalStateException("No site " + hostname));
    return launch(hostname, new SiteState(now.bundle(), cacheTtlSeconds), Duration.ZERO);
  }

  private String launch(String hostname, SiteState target, Duration takes) {
    String id = "job-" + ++nextJob;
    running.put(id, new Job(hostname, target, clock.instant().plus(takes)));
    return id;
  }

  /**
   * Whether a job for a site is still running.
   *
   * @param hostname the site
   * @return true while one runs
   */
  public synchronized boolean busy(String hostname) {
    settle();
    return running.values().stream().anyMatch(j -> j.hostname().equals(hostname));
  }

  /**
   * Changes a site by hand, behind the engine's back: the drift the engine notices and undoes.
   *
   * @param hostname the site
   * @param state what it serves from now on
   */
  public synchronized void changeByHand(String hostname, SiteState state) {
    sites.put(hostname, Objects.requireNonNull(state, "state"));
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public synchronized TaskStatus status(Task task) {
    settle();
    if (running.containsKey(task.id())) {
      return TaskStatus.running();
    }
    return finished.contains(task.id()) ? TaskStatus.succeeded() : TaskStatus.failed("unknown job " + task.id());
  }

  /** Applies, in launch order, every job that is due. */
  private void settle() {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<String, Job>> it = running.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Job> e = it.next();
      if (!e.getValue().doneAt().isAfter(now)) {
        sites.put(e.getValue().hostname(), e.getValue().target());
        finished.add(e.getKey());
        it.remove();
      }
    }
  }
}
