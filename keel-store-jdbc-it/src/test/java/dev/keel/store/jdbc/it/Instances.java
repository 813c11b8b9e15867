package dev.keel.store.jdbc.it;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.ForwardingStore;
import dev.keel.engine.store.Lease;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.FakeSpec;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * Engine instances sharing one database in one JVM, as separate hosts would: each with its own engine, its own
 * {@link JdbcKeelStore} and its own pool, all on one virtual scheduler (the store on the engine's clock, so that
 * leases expire in virtual time) against one simulated cloud. Each instance's handler records which instance is
 * inside a check of which resource, so that two instances checking one resource at once are caught.
 */
final class Instances implements AutoCloseable {

  /** A check an instance made: who, when. */
  record Check(String instance, Instant at) {}

  final VirtualScheduler scheduler;
  final FakeCloud cloud;
  final List<Instance> all = new ArrayList<>();
  /** Who is inside a check of each resource, by the thing's name. */
  final Map<String, String> inFlight = new ConcurrentHashMap<>();
  final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
  final Map<String, List<Check>> checks = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();
  /** Whether two instances in one check count as an overlap; off while an instance is made to stall or die. */
  final AtomicBoolean watchOverlaps = new AtomicBoolean(true);

  Instances(VirtualScheduler scheduler, FakeCloud cloud) {
    this.scheduler = scheduler;
    this.cloud = cloud;
  }

  /** Starts another instance on the database. */
  Instance start(Db db, EngineConfig config) {
    Instance instance = new Instance(config.instanceId(), db.pool(config.instanceId(), 4));
    instance.engine = KeelEngine.builder().scheduler(new HostTimers(scheduler, config.randomSeed())).config(config)
        .handler(instance.handler).taskMonitor(cloud)
        .store(kinds -> new Stalling(JdbcKeelStore.builder().dataSource(instance.outage).kinds(kinds)
            .clockSource(ClockSource.ENGINE).build(), instance.stalled))
        .build();
    instance.engine.start();
    all.add(instance);
    return instance;
  }

  /** The configuration of instance {@code n}: short leases and intervals, so that takeovers happen in minutes. */
  static EngineConfig config(int n, Duration interval, Duration lease) {
    return EngineConfig.builder().instanceId("instance-" + n).randomSeed(n).checkInterval(interval)
        .callTimeout(Duration.ofMinutes(2)).claimLease(lease).maxConcurrentChecks(25)
        .taskPollInterval(Duration.ofSeconds(15)).retryBackoff(new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30)))
        .build();
  }

  int totalChecks() {
    return checks.values().stream().mapToInt(List::size).sum();
  }

  int executions(String name) {
    AtomicInteger n = executed.get(name);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    all.forEach(Instance::release);
    all.forEach(i -> i.engine.close());
    scheduler.close();
    all.forEach(i -> i.pool.close());
  }

  /** A store that can stall as a paused process does: it claims nothing, and believes it renews when it does not. */
  static final class Stalling extends ForwardingStore implements AutoCloseable {
    private final JdbcKeelStore jdbc;
    private final AtomicBoolean stalled;

    Stalling(JdbcKeelStore jdbc, AtomicBoolean stalled) {
      super(jdbc);
      this.jdbc = jdbc;
      this.stalled = stalled;
    }

    @Override
    public List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
      return stalled.get() ? List.of() : super.claimDue(now, limit, owner, lease);
    }

    @Override
    public boolean renewLease(String resourceId, Lease lease, Instant now, Duration extension) {
      return stalled.get() || super.renewLease(resourceId, lease, now, extension);
    }

    @Override
    public void close() {
      jdbc.close();
    }
  }

  /** One engine instance: its pool (which can be cut off), its store, its handler. */
  final class Instance {
    final String id;
    final HikariDataSource pool;
    final Outage outage;
    final AtomicBoolean stalled = new AtomicBoolean();
    final Tracked handler;
    /** What held checks wait on; a hold let go is replaced, as a hold is let go once. */
    volatile VirtualScheduler.Hold hold = scheduler.hold();
    /** Things whose checks this instance holds inside current(), after reading the cloud. */
    volatile Predicate<String> holdAfterReading = name -> false;
    /** Whether every call of this instance's handler is held, as in a process that hangs. */
    volatile boolean holdAll;
    final AtomicInteger holding = new AtomicInteger();
    KeelEngine engine;

    Instance(String id, HikariDataSource pool) {
      this.id = id;
      this.pool = pool;
      this.outage = new Outage(pool);
      this.handler = new Tracked(this);
    }

    /** Lets every held check go; later holds wait again. */
    void release() {
      VirtualScheduler.Hold released = hold;
      hold = scheduler.hold();
      released.release();
    }

    /** Holds the calling check, parked, until the test lets it go. */
    void park() {
      VirtualScheduler.Hold hold = this.hold;
      holding.incrementAndGet();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        holding.decrementAndGet();
      }
    }
  }

  /**
   * The fake handler, with 100 ms of simulated latency per call (so that checks of several instances interleave) and
   * a record of who is inside a check of which resource: from actuationInProgress to the end of current() when in
   * sync, or to the end of execute().
   */
  final class Tracked implements ResourceHandler<FakeSpec, FakeModel> {
    private final Instance instance;
    private final FakeHandler fake;

    Tracked(Instance instance) {
      this.instance = instance;
      this.fake = FakeHandler.builder(cloud, scheduler).taskDuration(Duration.ofMinutes(2)).build();
    }

    @Override
    public SupportedKind<FakeSpec> supportedKind() {
      return FakeSpec.SUPPORTED;
    }

    @Override
    public FakeModel desired(Resource<FakeSpec> resource, ResourceContext context) {
      return fake.desired(resource, context);
    }

    private void latency() {
      try {
        scheduler.sleep(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (instance.holdAll) {
        instance.park();
      }
    }

    private void enter(String name) {
      String other = inFlight.put(name, instance.id);
      if (other != null && watchOverlaps.get()) {
        overlaps.add(name + ": checked by " + instance.id + " while " + other + " was checking it, at " + scheduler.now());
      }
      checks.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
          .add(new Check(instance.id, scheduler.now()));
    }

    private void leave(String name) {
      inFlight.remove(name, instance.id);
    }

    @Override
    public boolean actuationInProgress(Resource<FakeSpec> resource, ResourceContext context) {
      String name = resource.spec().name();
      enter(name);
      latency();
      boolean inProgress = fake.actuationInProgress(resource, context);
      if (inProgress) {
        leave(name);
      }
      return inProgress;
    }

    @Override
    @Nullable
    public FakeModel current(Resource<FakeSpec> resource, ResourceContext context) {
      String name = resource.spec().name();
      latency();
      FakeModel model = fake.current(resource, context);
      if (instance.holdAfterReading.test(name)) {
        instance.park(); // comes back with what it read before: stale by then
      }
      if (fake.desired(resource, context).equals(model)) {
        leave(name);
      }
      return model;
    }

    @Override
    public Actuation plan(Resource<FakeSpec> resource, ResourceDiff<FakeModel> diff, ResourceContext context) {
      return fake.plan(resource, diff, context);
    }

    @Override
    public List<Task> execute(Resource<FakeSpec> resource, Actuation actuation, ResourceContext context) {
      String name = resource.spec().name();
      executed.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      try {
        return fake.execute(resource, actuation, context);
      } finally {
        leave(name);
      }
    }
  }
}
