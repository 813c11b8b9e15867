package dev.keel.testkit;

import dev.keel.spi.CannotResolveCurrentState;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * A handler of {@link FakeSpec}s over a {@link FakeCloud}, with behaviour a test can dial in: task
 * duration, failing tasks, latency, hanging, throwing or unresolvable calls. Build one with
 * {@link #builder(FakeCloud, VirtualScheduler)}.
 */
public final class FakeHandler implements ResourceHandler<FakeSpec, FakeModel> {

  /**
   * An operation of the fake handler.
   *
   * @param type {@code create} or {@code update}
   * @param description what it does
   * @param target the model it sets
   */
  public record FakeOperation(String type, String description, FakeModel target) implements Operation {}

  /** Runs at the start of every {@code current()}: a test's way to count calls or hold one on a latch. */
  @FunctionalInterface
  public interface CurrentHook {
    /**
     * Runs before the thing is read. A hook that blocks should do so through
     * {@link VirtualScheduler#parked(VirtualScheduler.Blocking)}.
     *
     * @param name the thing's name
     * @throws InterruptedException if interrupted while blocked
     */
    void before(String name) throws InterruptedException;
  }

  private final FakeCloud cloud;
  private final VirtualScheduler scheduler;
  private final Duration taskDuration;
  private final Predicate<String> failTasks;
  private final Duration currentLatency;
  private final Predicate<String> hangCurrent;
  private final Predicate<String> throwOnCurrent;
  private final Predicate<String> unresolvable;
  private final boolean reportsInProgress;
  private final CurrentHook beforeCurrent;
  private final List<Actuation> executed = new ArrayList<>();

  private FakeHandler(Builder b) {
    this.cloud = b.cloud;
    this.scheduler = b.scheduler;
    this.taskDuration = b.taskDuration;
    this.failTasks = b.failTasks;
    this.currentLatency = b.currentLatency;
    this.hangCurrent = b.hangCurrent;
    this.throwOnCurrent = b.throwOnCurrent;
    this.unresolvable = b.unresolvable;
    this.reportsInProgress = b.reportsInProgress;
    this.beforeCurrent = b.beforeCurrent;
  }

  /**
   * Starts configuring a handler.
   *
   * @param cloud the cloud it manages
   * @param scheduler the virtual scheduler, for latency and hanging
   * @return the builder
   */
  public static Builder builder(FakeCloud cloud, VirtualScheduler scheduler) {
    return new Builder(cloud, scheduler);
  }

  @Override
  public SupportedKind<FakeSpec> supportedKind() {
    return FakeSpec.SUPPORTED;
  }

  @Override
  public FakeModel desired(Resource<FakeSpec> resource, ResourceContext context) {
    if (unresolvable.test(resource.spec().name())) {
      throw new ResourceCurrentlyUnresolvable("no version of " + resource.spec().name() + " is approved yet");
    }
    return new FakeModel(resource.spec().size(), resource.spec().version());
  }

  @Override
  @Nullable
  public FakeModel current(Resource<FakeSpec> resource, ResourceContext context) {
    String name = resource.spec().name();
    try {
      beforeCurrent.before(name);
      if (hangCurrent.test(name)) {
        scheduler.parked(new CountDownLatch(1)::await);
      }
      if (!currentLatency.isZero()) {
        scheduler.sleep(currentLatency);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotResolveCurrentState("interrupted while reading " + name, e);
    }
    if (throwOnCurrent.test(name)) {
      throw new IllegalStateException("injected failure reading " + name);
    }
    return cloud.get(name).orElse(null);
  }

  @Override
  public Actuation plan(Resource<FakeSpec> resource, ResourceDiff<FakeModel> diff, ResourceContext context) {
    if (!diff.hasChanges() && diff.current() != null) {
      return Actuation.none();
    }
    FakeModel target = diff.desired();
    String type = diff.current() == null ? "create" : "update";
    return Actuation.of(new FakeOperation(type, type + " " + resource.spec().name() + " to " + target, target));
  }

  @Override
  public List<Task> execute(Resource<FakeSpec> resource, Actuation actuation, ResourceContext context) {
    synchronized (executed) {
      executed.add(actuation);
    }
    String name = resource.spec().name();
    List<Task> tasks = new ArrayList<>();
    for (Operation op : actuation.operations()) {
      FakeModel target = ((FakeOperation) op).target();
      String id = cloud.launch(name, target, taskDuration, failTasks.test(name));
      tasks.add(new Task(id, op.description(), FakeCloud.SYSTEM, name));
    }
    return tasks;
  }

  @Override
  public boolean actuationInProgress(Resource<FakeSpec> resource, ResourceContext context) {
    return reportsInProgress && cloud.hasRunningTask(resource.spec().name());
  }

  /**
   * The actuations executed so far.
   *
   * @return a copy, oldest first
   */
  public List<Actuation> executed() {
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  /** Configures a {@link FakeHandler}; by default tasks take one minute and everything succeeds. */
  public static final class Builder {
    private final FakeCloud cloud;
    private final VirtualScheduler scheduler;
    private Duration taskDuration = Duration.ofMinutes(1);
    private Predicate<String> failTasks = n -> false;
    private Duration currentLatency = Duration.ZERO;
    private Predicate<String> hangCurrent = n -> false;
    private Predicate<String> throwOnCurrent = n -> false;
    private Predicate<String> unresolvable = n -> false;
    private boolean reportsInProgress = true;
    private CurrentHook beforeCurrent = n -> { };

    private Builder(FakeCloud cloud, VirtualScheduler scheduler) {
      this.cloud = Objects.requireNonNull(cloud, "cloud");
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** @param d how long tasks take @return this builder */
    public Builder taskDuration(Duration d) {
      this.taskDuration = d;
      return this;
    }

    /** @param which things whose tasks fail @return this builder */
    public Builder failTasks(Predicate<String> which) {
      this.failTasks = which;
      return this;
    }

    /** @param d how long each current() takes, in virtual time @return this builder */
    public Builder currentLatency(Duration d) {
      this.currentLatency = d;
      return this;
    }

    /** @param which things whose current() never returns (until the engine abandons it) @return this builder */
    public Builder hangCurrent(Predicate<String> which) {
      this.hangCurrent = which;
      return this;
    }

    /** @param hook what runs at the start of every current() @return this builder */
    public Builder beforeCurrent(CurrentHook hook) {
      this.beforeCurrent = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** @param which things whose current() throws @return this builder */
    public Builder throwOnCurrent(Predicate<String> which) {
      this.throwOnCurrent = which;
      return this;
    }

    /** @param which things whose desired state is not resolvable yet @return this builder */
    public Builder unresolvable(Predicate<String> which) {
      this.unresolvable = which;
      return this;
    }

    /**
     * Whether {@code actuationInProgress} reports running tasks; true by default. A handler that does not
     * relies on the engine's own task records.
     *
     * @param reports whether to report
     * @return this builder
     */
    public Builder reportsActuationInProgress(boolean reports) {
      this.reportsInProgress = reports;
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     */
    public FakeHandler build() {
      return new FakeHandler(this);
    }
  }
}
