package dev.keel.testkit;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An engine over an in-memory store on virtual time, started and recording its events, for tests. It keeps
 * the newest {@link Builder#eventLimit(int) eventLimit} events (100,000 unless told otherwise) and counts
 * the older ones it dropped, so that long soak tests do not grow without bound.
 *
 * <pre>{@code
 * try (EngineHarness h = EngineHarness.builder().engine(b -> b.handler(handler).taskMonitor(cloud)).build()) {
 *   h.engine().submit(config);
 *   h.advance(Duration.ofMinutes(5));
 *   assertThat(h.status("thing")).isEqualTo(ResourceStatus.HAPPY);
 * }
 * }</pre>
 */
public final class EngineHarness implements AutoCloseable {

  /** Where virtual time starts unless told otherwise: {@value}. */
  public static final String DEFAULT_START = "2026-01-05T09:00:00Z";

  private final VirtualScheduler scheduler;
  private final KeelEngine engine;
  /** The default of {@link Builder#eventLimit(int)}: {@value}. */
  public static final int DEFAULT_EVENT_LIMIT = 100_000;

  private final ArrayDeque<KeelEvent> events = new ArrayDeque<>();
  private final int eventLimit;
  private long dropped;

  private EngineHarness(Builder b) {
    this.scheduler = b.scheduler != null ? b.scheduler : new VirtualScheduler(b.start);
    KeelEngineBuilder engineBuilder = KeelEngine.builder().scheduler(scheduler).config(b.config);
    b.customizer.accept(engineBuilder);
    this.engine = engineBuilder.build();
    this.eventLimit = b.eventLimit;
    engine.events().subscribe(e -> {
      synchronized (events) {
        events.addLast(e);
        if (events.size() > eventLimit) {
          events.removeFirst();
          dropped++;
        }
      }
    });
    engine.start();
    scheduler.runUntilIdle();
  }

  /**
   * Starts configuring a harness.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine.
   *
   * @return the engine, started
   */
  public KeelEngine engine() {
    return engine;
  }

  /**
   * The virtual scheduler.
   *
   * @return the scheduler
   */
  public VirtualScheduler scheduler() {
    return scheduler;
  }

  /**
   * The virtual time.
   *
   * @return now
   */
  public Instant now() {
    return scheduler.now();
  }

  /**
   * Advances virtual time, letting every check and task due meanwhile run.
   *
   * @param duration how far
   */
  public void advance(Duration duration) {
    scheduler.advance(duration);
  }

  /** Lets everything due now run to completion. */
  public void runUntilIdle() {
    scheduler.runUntilIdle();
  }

  /**
   * Advances virtual time in steps until a condition holds.
   *
   * @param condition what to wait for
   * @param step how far each step goes
   * @param limit the most virtual time to spend
   * @return whether the condition held within the limit
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration step, Duration limit) {
    Instant end = now().plus(limit);
    runUntilIdle();
    while (!condition.getAsBoolean()) {
      if (!now().isBefore(end)) {
        return false;
      }
      advance(step);
    }
    return true;
  }

  /**
   * A resource's status.
   *
   * @param resourceId the resource
   * @return the status
   */
  public ResourceStatus status(String resourceId) {
    return engine.status(resourceId);
  }

  /**
   * The events recorded so far, oldest first: all of them unless more than the event limit were published,
   * then the newest ones.
   *
   * @return a copy
   */
  public List<KeelEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * How many of the oldest events were dropped to keep within the event limit.
   *
   * @return the count, 0 unless the limit was reached
   */
  public long droppedEvents() {
    synchronized (events) {
      return dropped;
    }
  }

  /**
   * The events of one type, oldest first.
   *
   * @param type the event type
   * @param <T> the event type
   * @return the events
   */
  public <T extends KeelEvent> List<T> events(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /**
   * The events of one resource, oldest first.
   *
   * @param resourceId the resource
   * @return the events
   */
  public List<ResourceEvent> events(String resourceId) {
    return events().stream().filter(e -> e instanceof ResourceEvent r && r.resourceId().equals(resourceId))
        .map(ResourceEvent.class::cast).collect(Collectors.toList());
  }

  /**
   * The events of one type for one resource, oldest first.
   *
   * @param resourceId the resource
   * @param type the event type
   * @param <T> the event type
   * @return the events
   */
  public <T extends ResourceEvent> List<T> events(String resourceId, Class<T> type) {
    return events(resourceId).stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** Closes the engine and the scheduler. */
  @Override
  public void close() {
    engine.close();
    scheduler.close();
  }

  /** Configures an {@link EngineHarness}. */
  public static final class Builder {
    private Instant start = Instant.parse(DEFAULT_START);
    private VirtualScheduler scheduler;
    private EngineConfig config = EngineConfig.defaults();
    private Consumer<KeelEngineBuilder> customizer = b -> { };
    private int eventLimit = DEFAULT_EVENT_LIMIT;

    private Builder() {}

    /**
     * How many events the harness keeps; older ones are dropped (and counted) beyond it.
     *
     * @param limit at least 1; {@value EngineHarness#DEFAULT_EVENT_LIMIT} unless told otherwise
     * @return this builder
     */
    public Builder eventLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("eventLimit must be at least 1; got " + limit);
      }
      this.eventLimit = limit;
      return this;
    }

    /** @param instant where virtual time starts @return this builder */
    public Builder start(Instant instant) {
      this.start = Objects.requireNonNull(instant, "instant");
      return this;
    }

    /**
     * A scheduler to share with fakes built before the harness.
     *
     * @param virtual the scheduler
     * @return this builder
     */
    public Builder scheduler(VirtualScheduler virtual) {
      this.scheduler = Objects.requireNonNull(virtual, "virtual");
      return this;
    }

    /** @param engineConfig the engine's configuration @return this builder */
    public Builder config(EngineConfig engineConfig) {
      this.config = Objects.requireNonNull(engineConfig, "engineConfig");
      return this;
    }

    /**
     * Adds extensions and settings to the engine.
     *
     * @param engine called with the engine's builder
     * @return this builder
     */
    public Builder engine(Consumer<KeelEngineBuilder> engine) {
      this.customizer = this.customizer.andThen(Objects.requireNonNull(engine, "engine"));
      return this;
    }

    /**
     * Builds and starts the harness.
     *
     * @return the harness
     */
    public EngineHarness build() {
      return new EngineHarness(this);
    }
  }
}
