package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.ExportTest.Bucket;
import dev.keel.engine.check.CheckObserver;
import dev.keel.engine.check.FinishedCheck;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.ForwardingStore;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A {@link CheckObserver} hears each finished check (resource, kind, outcome, duration on the engine's clock) and each
 * claim's latency; the engine shows how many checks wait and run; an observer that throws disturbs nothing.
 */
class CheckObserverTest {

  private static final ResourceKind BUCKET = ResourceKind.parse("test/bucket@v2");
  private static final String ID = "test:bucket:fnord-logs";

  /** The engine's clock, moved by the handler and the store as if their calls took time. */
  private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger runningSeenInCurrent = new AtomicInteger(-1);
  private final AtomicReference<KeelEngine> engineRef = new AtomicReference<>();

  private void advance(Duration d) {
    clock.advance(d);
  }

  /** current() takes three seconds of the engine's clock. */
  private final class SlowCurrent extends ExportTest.BucketHandler {
    @Override
    public Bucket current(Resource<Bucket> resource, ResourceContext context) {
      KeelEngine engine = engineRef.get();
      runningSeenInCurrent.set(engine == null ? -1 : engine.checksRunning());
      advance(Duration.ofSeconds(3));
      return resource.spec();
    }
  }

  /** A store whose claim of due checks takes a quarter of a second. */
  private final class SlowClaims extends ForwardingStore {
    SlowClaims() {
      super(new InMemoryStore());
    }

    @Override
    public List<DueCheck> claimDue(Instant at, int limit, String owner, Duration lease) {
      advance(Duration.ofMillis(250));
      return super.claimDue(at, limit, owner, lease);
    }
  }

  private static final class Recorder implements CheckObserver {
    final List<FinishedCheck> checks = new CopyOnWriteArrayList<>();
    final List<String> claims = new CopyOnWriteArrayList<>();

    @Override
    public void checkFinished(FinishedCheck check) {
      checks.add(check);
    }

    @Override
    public void claimed(Duration latency, int claimed, boolean failed) {
      claims.add(latency + " " + claimed + (failed ? " failed" : ""));
    }
  }

  private static final class Throwing implements CheckObserver {
    @Override
    public void checkFinished(FinishedCheck check) {
      throw new IllegalStateException("observer broken");
    }

    @Override
    public void claimed(Duration latency, int claimed, boolean failed) {
      throw new IllegalStateException("observer broken");
    }
  }

  private static DeliveryConfig config() {
    Resource<?> bucket = new Resource<>(BUCKET, new Bucket("fnord-logs", "fnord", "eu-west-1"));
    return new DeliveryConfig("fnord", "fnord-manifest", null, List.of(),
        List.of(new Environment("test", List.of(bucket), List.of(), List.of(), List.of(), null)));
  }

  private KeelEngine engine() {
    KeelEngine engine = KeelEngine.builder().clock(clock).scheduler(new CallThreadScheduler(clock, Runnable::run)).store(new SlowClaims())
        .handler(new SlowCurrent()).build();
    engineRef.set(engine);
    return engine;
  }

  @Test
  void anObserverHearsEachFinishedCheckWithItsKindOutcomeAndDurationAndEachClaimsLatency() {
    Recorder recorder = new Recorder();
    try (KeelEngine engine = engine()) {
      engine.observeChecks(recorder);
      engine.start();

      engine.submit(config());

      assertThat(recorder.checks).containsExactly(new FinishedCheck(ID, "test/bucket", "IN_SYNC", Duration.ofSeconds(3)));
      assertThat(recorder.claims).contains("PT0.25S 1");
      assertThat(runningSeenInCurrent).as("checks running while current() ran").hasValue(1);
      assertThat(engine.checksRunning()).isZero();
      assertThat(engine.checksWaiting()).isZero();
    }
  }

  @Test
  void anObserverThatThrowsDisturbsNeitherTheCheckNorTheOtherObservers() {
    Recorder recorder = new Recorder();
    try (KeelEngine engine = engine()) {
      engine.observeChecks(new Throwing());
      engine.observeChecks(recorder);
      engine.start();

      engine.submit(config());

      assertThat(engine.state(ID).lastResult()).isEqualTo(CheckResult.IN_SYNC);
      assertThat(recorder.checks).extracting(FinishedCheck::outcome).containsExactly("IN_SYNC");
      assertThat(recorder.claims).contains("PT0.25S 1");
    }
  }

  @Test
  void aClosedRegistrationIsToldNothingMore() {
    Recorder recorder = new Recorder();
    try (KeelEngine engine = engine()) {
      engine.observeChecks(recorder).close();
      engine.start();

      engine.submit(config());

      assertThat(engine.state(ID).lastResult()).isEqualTo(CheckResult.IN_SYNC);
      assertThat(recorder.checks).isEmpty();
      assertThat(recorder.claims).isEmpty();
    }
  }
}
