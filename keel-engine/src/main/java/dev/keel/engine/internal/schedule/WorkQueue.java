package dev.keel.engine.internal.schedule;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.RateLimit;
import dev.keel.engine.schedule.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue of keys, each run by a worker when due, after client-go's work queue: a key has at most one
 * pending entry (adding it again keeps the earlier due time and the higher priority); a key is never run
 * twice at once (adding a running key runs it again once the current run completes); at most
 * {@code maxConcurrency} keys run at once; among ready keys, higher {@link Priority} goes first, then the
 * earlier due time; and each rate group (such as a resource kind) starts work no faster than its
 * {@link RateLimit}.
 *
 * <p>A worker returns a stage; the key counts as running until the stage completes. All timing comes
 * from the {@link Scheduler}, so the queue runs the same on virtual time.
 *
 * @param <K> the key type
 */
public final class WorkQueue<K> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  private static final Comparator<Entry<?>> BY_DUE = Comparator.comparing((Entry<?> e) -> e.due).thenComparingLong(e -> e.seq);
  private static final Comparator<Entry<?>> BY_URGENCY = Comparator.comparing((Entry<?> e) -> e.priority).reversed()
      .thenComparing(e -> e.due).thenComparingLong(e -> e.seq);

  private final Scheduler scheduler;
  private final Function<K, CompletionStage<?>> worker;
  private final int maxConcurrency;
  private final Function<K, String> rateGroup;
  private final Map<String, RateLimit> limits;
  private final RateLimit defaultLimit;

  private final Object lock = new Object();
  private final Map<K, Entry<K>> pending = new HashMap<>();
  private final Map<K, Entry<K>> rerun = new HashMap<>();
  private final Set<K> running = new HashSet<>();
  private final PriorityQueue<Entry<K>> delayed = new PriorityQueue<>(BY_DUE);
  private final Map<String, PriorityQueue<Entry<K>>> ready = new LinkedHashMap<>();
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private final Map<String, Instant> throttledUntil = new HashMap<>();
  private int waiting;
  private Cancellable wakeup;
  private Instant wakeupAt;
  private long seq;
  private boolean closed;

  private static final class Entry<K> {
    final K key;
    final Instant due;
    final Priority priority;
    final long seq;

    Entry(K key, Instant due, Priority priority, long seq) {
      this.key = key;
      this.due = due;
      this.priority = priority;
      this.seq = seq;
    }
  }

  private WorkQueue(Builder<K> b) {
    this.scheduler = b.scheduler;
    this.worker = b.worker;
    this.maxConcurrency = b.maxConcurrency;
    this.rateGroup = b.rateGroup;
    this.limits = Map.copyOf(b.limits);
    this.defaultLimit = b.defaultLimit;
  }

  /**
   * Starts configuring a queue.
   *
   * @param scheduler time, timers and the executor workers run on
   * @param worker runs a key; the key is running until the returned stage completes
   * @param <K> the key type
   * @return the builder
   */
  public static <K> Builder<K> builder(Scheduler scheduler, Function<K, CompletionStage<?>> worker) {
    return new Builder<>(scheduler, worker);
  }

  /**
   * Asks for a key to run at or after an instant.
   *
   * @param key the key
   * @param due when it may run
   * @param priority how urgent it is
   */
  public void add(K key, Instant due, Priority priority) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(priority, "priority");
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (running.contains(key)) {
        rerun.merge(key, new Entry<>(key, due, priority, seq++), WorkQueue::combine);
        return;
      }
      Entry<K> existing = pending.get(key);
      Entry<K> entry = existing == null ? new Entry<>(key, due, priority, seq++) : combine(existing, new Entry<>(key, due, priority, seq++));
      if (entry != existing) {
        pending.put(key, entry); // a superseded entry stays in its heap and is skipped when met
        delayed.add(entry);
      }
    }
    dispatch();
  }

  private static <K> Entry<K> combine(Entry<K> a, Entry<K> b) {
    Instant due = a.due.isBefore(b.due) ? a.due : b.due;
    Priority priority = a.priority.compareTo(b.priority) >= 0 ? a.priority : b.priority;
    if (due.equals(a.due) && priority == a.priority) {
      return a;
    }
    return new Entry<>(a.key, due, priority, Math.min(a.seq, b.seq));
  }

  /**
   * How many keys wait to run.
   *
   * @return the number of pending keys, including running keys asked to run again
   */
  public int pendingCount() {
    synchronized (lock) {
      return pending.size() + rerun.size();
    }
  }

  /**
   * How many keys are running.
   *
   * @return the number
   */
  public int runningCount() {
    synchronized (lock) {
      return running.size();
    }
  }

  /**
   * Whether a key is running now.
   *
   * @param key the key
   * @return true while its worker's stage is incomplete
   */
  public boolean isRunning(K key) {
    synchronized (lock) {
      return running.contains(key);
    }
  }

  /**
   * Runs a wait of a running worker (for an extension call, say) without counting the worker against
   * {@code maxConcurrency} meanwhile, so that workers stuck waiting never keep others from starting. The
   * worker's key still counts as running: it is not run twice at once. Call it only from a worker of this
   * queue.
   *
   * @param wait the wait
   * @param <T> its result type
   * @return its result
   * @throws Exception what the wait throws
   */
  public <T> T whileWaiting(java.util.concurrent.Callable<T> wait) throws Exception {
    synchronized (lock) {
      waiting++;
    }
    dispatch();
    try {
      return wait.call();
    } finally {
      synchronized (lock) {
        waiting--;
      }
    }
  }

  /** Starts what is due and allowed, and arms a timer for what will be. */
  private void dispatch() {
    List<K> start = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      Instant now = scheduler.clock().instant();
      while (!delayed.isEmpty() && !delayed.peek().due.isAfter(now)) {
        Entry<K> e = delayed.poll();
        if (pending.get(e.key) == e) {
          ready.computeIfAbsent(rateGroup.apply(e.key), g -> new PriorityQueue<>(BY_URGENCY)).add(e);
        }
      }
      Instant earliestThrottle = null;
      while (running.size() - waiting < maxConcurrency) {
        String group = mostUrgentGroup(now);
        if (group == null) {
          break;
        }
        TokenBucket bucket = buckets.computeIfAbsent(group, g -> new TokenBucket(limits.getOrDefault(g, defaultLimit), now));
        Instant nextToken = bucket.tryTake(now);
        if (nextToken != null) {
          throttledUntil.put(group, nextToken);
          continue;
        }
        Entry<K> e = ready.get(group).poll();
        pending.remove(e.key);
        running.add(e.key);
        start.add(e.key);
      }
      for (Instant t : throttledUntil.values()) {
        earliestThrottle = earliestThrottle == null || t.isBefore(earliestThrottle) ? t : earliestThrottle;
      }
      Instant nextDue = delayed.isEmpty() ? null : delayed.peek().due;
      Instant next = nextDue == null ? earliestThrottle
          : earliestThrottle == null || nextDue.isBefore(earliestThrottle) ? nextDue : earliestThrottle;
      arm(next);
    }
    for (K key : start) {
      scheduler.executor().execute(() -> run(key));
    }
  }

  /** The group whose head should start next, skipping groups out of tokens; null if none. */
  private String mostUrgentGroup(Instant now) {
    String best = null;
    Entry<K> bestHead = null;
    for (var it = ready.entrySet().iterator(); it.hasNext(); ) {
      var group = it.next();
      PriorityQueue<Entry<K>> q = group.getValue();
      while (!q.isEmpty() && pending.get(q.peek().key) != q.peek()) {
        q.poll(); // superseded
      }
      if (q.isEmpty()) {
        it.remove();
        continue;
      }
      Instant throttle = throttledUntil.get(group.getKey());
      if (throttle != null && throttle.isAfter(now)) {
        continue;
      }
      throttledUntil.remove(group.getKey());
      if (bestHead == null || BY_URGENCY.compare(q.peek(), bestHead) < 0) {
        best = group.getKey();
        bestHead = q.peek();
      }
    }
    return best;
  }

  private void arm(Instant next) {
    if (next == null || (wakeupAt != null && !next.isBefore(wakeupAt))) {
      return;
    }
    if (wakeup != null) {
      wakeup.cancel();
    }
    wakeupAt = next;
    wakeup = scheduler.schedule(next, () -> {
      synchronized (lock) {
        wakeupAt = null;
        wakeup = null;
      }
      dispatch();
    });
  }

  private void run(K key) {
    CompletionStage<?> stage;
    try {
      stage = worker.apply(key);
    } catch (RuntimeException | Error e) {
      LOG.error("Work for {} failed to start", key, e);
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.completedFuture(null);
    }
    stage.whenComplete((result, error) -> done(key));
  }

  private void done(K key) {
    synchronized (lock) {
      running.remove(key);
      Entry<K> again = rerun.remove(key);
      if (again != null && !closed) {
        pending.put(key, again);
        delayed.add(again);
      }
    }
    dispatch();
  }

  /** Stops starting work; running work completes on its own. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (wakeup != null) {
        wakeup.cancel();
      }
      pending.clear();
      rerun.clear();
      delayed.clear();
      ready.clear();
    }
  }

  /**
   * Configures a {@link WorkQueue}.
   *
   * @param <K> the key type
   */
  public static final class Builder<K> {
    private final Scheduler scheduler;
    private final Function<K, CompletionStage<?>> worker;
    private int maxConcurrency = 16;
    private Function<K, String> rateGroup = k -> "";
    private final Map<String, RateLimit> limits = new HashMap<>();
    private RateLimit defaultLimit = RateLimit.unlimited();

    private Builder(Scheduler scheduler, Function<K, CompletionStage<?>> worker) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.worker = Objects.requireNonNull(worker, "worker");
    }

    /**
     * The most keys running at once; 16 by default.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder<K> maxConcurrency(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1");
      }
      this.maxConcurrency = max;
      return this;
    }

    /**
     * How keys are grouped for rate limiting; one group by default.
     *
     * @param group the group of a key, such as its resource kind
     * @return this builder
     */
    public Builder<K> rateGroup(Function<K, String> group) {
      this.rateGroup = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * The rate limit of one group.
     *
     * @param group the group
     * @param limit its limit
     * @return this builder
     */
    public Builder<K> rateLimit(String group, RateLimit limit) {
      limits.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(limit, "limit"));
      return this;
    }

    /**
     * The rate limit of groups without their own; unlimited by default.
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder<K> defaultRateLimit(RateLimit limit) {
      this.defaultLimit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /**
     * Builds the queue.
     *
     * @return the queue
     */
    public WorkQueue<K> build() {
      return new WorkQueue<>(this);
    }
  }
}
