package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spi.model.SupportedKind;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.FakeSpec;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Extension calls that ignore their deadline's interrupt, as a blocking socket read does: the engine never
 * piles a second call onto a resource whose call is stuck, bounds each plugin's stuck calls, and closes
 * promptly leaving none of its own threads behind.
 */
class StuckCallsScenarioTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final VirtualScheduler.Hold letGo = scheduler.hold();
  /** What lets the real-thread handler's call go. */
  private final CountDownLatch realLetGo = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Set<String> called = ConcurrentHashMap.newKeySet();
  private EngineHarness harness;

  @AfterEach
  void close() {
    letGo.release();
    realLetGo.countDown();
    if (harness != null) {
      harness.close();
    }
  }

  /** Blocks until the test lets go, ignoring every interrupt meanwhile, and counts the calls in flight. */
  private void hangIgnoringInterrupts(String name) throws InterruptedException {
    called.add(name);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          letGo.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // and block again
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private EngineHarness harness(EngineConfig config, FakeHandler.CurrentHook hook) {
    harness = EngineHarness.builder().scheduler(scheduler).config(config)
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).beforeCurrent(hook).build()).taskMonitor(cloud))
        .build();
    return harness;
  }

  @Test
  void aResourceWhoseCallIsStuckIsNotCalledAgainUntilItReturnsAndIsReportedStuck() {
    EngineHarness h = harness(EngineConfig.builder().callTimeout(Duration.ofSeconds(30)).build(), name -> {
      if (name.equals("stuck")) {
        hangIgnoringInterrupts(name);
      }
    });
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("stuck", "fnord", 1), Configs.thing("fine", "fnord", 1)));

    h.advance(Duration.ofHours(1));

    assertThat(mostInFlight.get()).as("calls in flight for one resource").isEqualTo(1);
    assertThat(h.events("fake:thing:stuck", ResourceEvent.CheckTimedOut.class)).singleElement()
        .satisfies(t -> assertThat(t.phase()).isEqualTo("current"));
    assertThat(h.events("fake:thing:stuck", ResourceEvent.CallStuck.class)).isNotEmpty()
        .allSatisfy(s -> assertThat(s.phase()).isEqualTo("current"));
    assertThat(h.status("fake:thing:stuck")).isEqualTo(ResourceStatus.ERROR);
    assertThat(h.engine().state("fake:thing:stuck").message()).contains("stuck").contains("has not returned");
    assertThat(h.status("fake:thing:fine")).isEqualTo(ResourceStatus.HAPPY);

    letGo.release();
    h.runUntilIdle();
    h.advance(Duration.ofMinutes(15));
    assertThat(h.status("fake:thing:stuck")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aPluginsStuckCallsAreBoundedAndFurtherCallsAreRefused() {
    int maxStuck = 4;
    int concurrency = 2;
    EngineHarness h = harness(EngineConfig.builder().callTimeout(Duration.ofSeconds(30)).maxConcurrentChecks(concurrency)
        .maxStuckCallsPerPlugin(maxStuck).build(), this::hangIgnoringInterrupts);
    Resource<?>[] things = new Resource<?>[20];
    for (int i = 0; i < things.length; i++) {
      things[i] = Configs.thing("t" + i, "fnord", 1);
    }
    h.engine().submit(Configs.single("fnord", "test", things));

    h.advance(Duration.ofHours(1));

    // Calls that started before the bound was reached may still get stuck: at most one round of checks more.
    assertThat(called).as("resources ever called").hasSizeBetween(maxStuck, maxStuck + concurrency - 1);
    assertThat(mostInFlight.get()).isLessThanOrEqualTo(maxStuck + concurrency - 1);
    List<String> refused = h.events(ResourceEvent.CheckError.class).stream()
        .filter(e -> e.error().contains("calls that outlived their deadline")).map(ResourceEvent::resourceId)
        .distinct().collect(Collectors.toList());
    assertThat(refused).hasSize(things.length - called.size());
  }

  /** A handler on real threads whose current() blocks in a way no interrupt ends. */
  private final class Unstoppable implements ResourceHandler<FakeSpec, FakeModel> {
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public SupportedKind<FakeSpec> supportedKind() {
      return FakeSpec.SUPPORTED;
    }

    @Override
    public FakeModel desired(Resource<FakeSpec> resource, ResourceContext context) {
      return new FakeModel(resource.spec().size(), resource.spec().version());
    }

    @Override
    public FakeModel current(Resource<FakeSpec> resource, ResourceContext context) {
      entered.countDown();
      boolean interrupted = false;
      while (realLetGo.getCount() > 0) {
        try {
          realLetGo.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return null;
    }

    @Override
    public Actuation plan(Resource<FakeSpec> resource, ResourceDiff<FakeModel> diff, ResourceContext context) {
      return Actuation.none();
    }

    @Override
    public List<Task> execute(Resource<FakeSpec> resource, Actuation actuation, ResourceContext context) {
      return List.of();
    }
  }

  private static List<Thread> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .collect(Collectors.toList());
  }

  @Test
  void closeLeavesNoneOfTheEnginesOwnThreadsAndOnlyDaemonThreadsForCallsThatCannotBeStopped() throws Exception {
    Unstoppable handler = new Unstoppable();
    CountDownLatch timedOut = new CountDownLatch(1);
    KeelEngine engine = KeelEngine.builder().handler(handler)
        .config(EngineConfig.builder().instanceId("stuck-close").callTimeout(Duration.ofMillis(200)).build()).build();
    engine.events().subscribe(e -> {
      if (e instanceof ResourceEvent.CheckTimedOut) {
        timedOut.countDown();
      }
    });
    engine.submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 1)));
    engine.start();
    assertThat(handler.entered.await(30, TimeUnit.SECONDS)).as("current() was called").isTrue();
    assertThat(timedOut.await(30, TimeUnit.SECONDS)).as("the call was abandoned at its deadline").isTrue();

    long start = System.nanoTime();
    engine.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(threadsNamed("keel-stuck-close-worker")).as("worker threads after close (close took %s)", took).isEmpty();
    assertThat(threadsNamed("keel-stuck-close-timer")).as("timer threads after close").isEmpty();
    assertThat(threadsNamed("keel-stuck-close-call")).as("the stuck call's thread").singleElement()
        .satisfies(t -> assertThat(t.isDaemon()).isTrue());
  }
}
