package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks under their claim's lease, on the in-memory store, with one or two engines sharing it on one virtual
 * scheduler: the lease is renewed while a check outlasts it, a failed renewal stops the check before it acts, an
 * instance that stalled past its lease is refused by the fence after another took over, the change's correlation id
 * reaches the gate and the task, a failing store is reported and recovered from, and a task's completion is recorded
 * once whichever instance sees it.
 */
class LeaseScenarioTest {

  private static final String ID = "fake:thing:web";
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final InMemoryStore memory = new InMemoryStore();
  private final List<EngineHarness> harnesses = new ArrayList<>();

  @AfterEach
  void close() {
    harnesses.forEach(h -> h.engine().close());
    scheduler.close();
  }

  /**
   * A store as one instance sees it: it can refuse renewals, stall (claim nothing, and believe it renewed when it
   * did not, as a paused process), or be down altogether (every call fails); it records the correlation ids the
   * gate was given.
   */
  private static final class Faulty implements InvocationHandler {
    final AtomicBoolean refuseRenewals = new AtomicBoolean();
    final AtomicBoolean stalled = new AtomicBoolean();
    final AtomicBoolean down = new AtomicBoolean();
    final List<String> correlationIds = Collections.synchronizedList(new ArrayList<>());
    final KeelStore delegate;
    final KeelStore store;

    Faulty(KeelStore delegate) {
      this.delegate = delegate;
      this.store = (KeelStore) Proxy.newProxyInstance(KeelStore.class.getClassLoader(), new Class<?>[] {KeelStore.class},
          this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (down.get()) {
        throw new IllegalStateException("the database is down (simulated)");
      }
      switch (method.getName()) {
        case "claimDue":
          if (stalled.get()) {
            return List.of();
          }
          break;
        case "renewLease":
          if (stalled.get()) {
            return true;
          }
          if (refuseRenewals.get()) {
            return false;
          }
          break;
        case "beginActuation":
          correlationIds.add((String) args[2]);
          break;
        default:
          break;
      }
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private EngineHarness engine(String instance, KeelStore store, FakeHandler handler, Consumer<EngineConfig.Builder> tune) {
    EngineConfig.Builder config = EngineConfig.builder().instanceId(instance).checkInterval(Duration.ofHours(1))
        .claimLease(LEASE).taskPollInterval(Duration.ofSeconds(10));
    tune.accept(config);
    EngineHarness h = EngineHarness.builder().scheduler(scheduler).config(config.build())
        .engine(b -> b.store(store).handler(handler).taskMonitor(cloud)).build();
    harnesses.add(h);
    return h;
  }

  private void inSyncWeb(EngineHarness h) {
    cloud.put("web", new FakeModel(1, "1.0"));
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 1)));
    h.runUntilIdle();
    assertThat(h.status(ID)).isEqualTo(ResourceStatus.HAPPY);
  }

  private List<ResourceEvent.CheckAbandoned> abandoned() {
    return memory.history(ID, 1_000).stream().filter(e -> e instanceof ResourceEvent.CheckAbandoned)
        .map(ResourceEvent.CheckAbandoned.class::cast).toList();
  }

  @Test
  void theDefaultLeaseIsThreeCallTimeoutsAndFollowsTheCallTimeout() {
    assertThat(EngineConfig.defaults().claimLease()).isEqualTo(Duration.ofMinutes(6));
    EngineConfig shorter = EngineConfig.defaults().toBuilder().callTimeout(Duration.ofSeconds(20)).build();
    assertThat(shorter.claimLease()).isEqualTo(Duration.ofMinutes(1));
    assertThat(shorter.toBuilder().claimLease(Duration.ofSeconds(7)).build().claimLease()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aCheckThatOutlastsItsLeaseKeepsItsClaimByRenewingIt() {
    AtomicBoolean slow = new AtomicBoolean();
    FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
      if (slow.get()) {
        scheduler.sleep(Duration.ofSeconds(100));
      }
    }).build();
    EngineHarness h = engine("a", memory, handler, c -> { });
    inSyncWeb(h);

    cloud.put("web", new FakeModel(2, "1.0"));
    slow.set(true);
    h.engine().checkNow(ID);
    h.advance(Duration.ofSeconds(75)); // well past the 30 s the claim was first leased for

    assertThat(memory.claimDue(h.now(), 10, "b", LEASE)).as("claims another instance could take").isEmpty();

    slow.set(false);
    h.advance(Duration.ofSeconds(30));
    assertThat(handler.executed()).hasSize(1);
    assertThat(abandoned()).isEmpty();
  }

  @Test
  void aCheckWhoseLeaseCannotBeRenewedStopsBeforeActingAndTheResourceIsCheckedAgainLater() {
    AtomicBoolean slow = new AtomicBoolean();
    FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
      if (slow.get()) {
        scheduler.sleep(Duration.ofSeconds(100));
      }
    }).build();
    Faulty store = new Faulty(memory);
    EngineHarness h = engine("a", store.store, handler, c -> { });
    inSyncWeb(h);

    cloud.put("web", new FakeModel(2, "1.0"));
    slow.set(true);
    store.refuseRenewals.set(true);
    h.engine().checkNow(ID);
    h.advance(Duration.ofSeconds(101));

    assertThat(handler.executed()).as("actuations of a check whose lease was lost").isEmpty();
    assertThat(abandoned()).singleElement().satisfies(e -> {
      assertThat(e.instance()).isEqualTo("a");
      assertThat(e.phase()).isEqualTo("before acting");
      assertThat(e.reason()).contains("renewal failed");
    });
    assertThat(h.events(ID, ResourceEvent.CheckAbandoned.class)).hasSize(1);

    slow.set(false);
    store.refuseRenewals.set(false);
    h.advance(Duration.ofMinutes(3)); // the lost lease expires, and the check is claimed again

    assertThat(handler.executed()).hasSize(1);
    assertThat(h.status(ID)).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void anInstanceThatStalledPastItsLeaseIsRefusedByTheFenceAfterAnotherTookOver() throws Exception {
    VirtualScheduler.Hold hold = scheduler.hold();
    AtomicBoolean holdA = new AtomicBoolean();
    FakeHandler handlerA = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
      if (holdA.get()) {
        hold.await();
      }
    }).build();
    FakeHandler handlerB = FakeHandler.builder(cloud, scheduler).build();
    Faulty storeA = new Faulty(memory);
    Faulty storeB = new Faulty(memory);
    storeB.stalled.set(true); // B stays out of the way until A holds the check
    EngineHarness a = engine("a", storeA.store, handlerA, c -> { });
    EngineHarness b = engine("b", storeB.store, handlerB, c -> { });
    inSyncWeb(a);

    cloud.put("web", new FakeModel(2, "1.0"));
    holdA.set(true);
    a.engine().checkNow(ID);
    a.runUntilIdle(); // A's check is inside current()
    storeA.stalled.set(true); // A stalls: it neither renews nor claims
    storeB.stalled.set(false);
    a.advance(LEASE.plusSeconds(5));

    assertThat(handlerB.executed()).as("B took the check over and acted").hasSize(1);
    holdA.set(false);
    hold.release(); // A wakes up, reads the drift (B's task still runs) and tries to act
    a.runUntilIdle();

    assertThat(handlerA.executed()).as("A's actuations").isEmpty();
    assertThat(cloud.launchedTasks()).isEqualTo(1);
    assertThat(abandoned()).singleElement().satisfies(e -> {
      assertThat(e.instance()).isEqualTo("a");
      assertThat(e.phase()).isEqualTo("before acting");
      assertThat(e.reason()).contains("(fence " + e.fence() + ") is lost");
    });
    storeA.stalled.set(false);
    a.advance(Duration.ofMinutes(2));
    assertThat(a.status(ID)).isEqualTo(ResourceStatus.HAPPY);
    assertThat(cloud.launchedTasks()).isEqualTo(1);
  }

  @Test
  void theCorrelationIdOfAChangeReachesTheGateAndIsRecordedOnItsTasks() {
    Faulty store = new Faulty(memory);
    EngineHarness h = engine("a", store.store, FakeHandler.builder(cloud, scheduler).build(), c -> { });
    inSyncWeb(h);

    cloud.put("web", new FakeModel(2, "1.0"));
    h.engine().checkNow(ID);
    h.runUntilIdle();

    String fingerprint = h.events(ID, ResourceEvent.DeltaDetected.class).get(0).fingerprint();
    String expected = ID + ":" + fingerprint.substring(0, 16);
    assertThat(store.correlationIds).containsExactly(expected);
    assertThat(memory.tasks(ID)).singleElement().satisfies(t -> assertThat(t.correlationId()).isEqualTo(expected));
  }

  @Test
  void aStoreThatFailsDuringARunIsReportedAndTheEngineRecoversWhenItIsBack() throws Exception {
    VirtualScheduler.Hold hold = scheduler.hold();
    AtomicBoolean holding = new AtomicBoolean();
    FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
      if (holding.get()) {
        hold.await();
      }
    }).build();
    Faulty store = new Faulty(memory);
    EngineHarness h = engine("a", store.store, handler,
        c -> c.checkInterval(Duration.ofMinutes(1)).retryBackoff(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1))));
    inSyncWeb(h);

    cloud.put("web", new FakeModel(2, "1.0"));
    holding.set(true);
    h.engine().checkNow(ID);
    h.runUntilIdle(); // the check is inside current()
    store.down.set(true);
    holding.set(false);
    hold.release();
    h.advance(Duration.ofMinutes(3));

    assertThat(h.events(ID, ResourceEvent.CheckError.class)).as("errors reported while the store is down")
        .isNotEmpty().allSatisfy(e -> assertThat(e.phase()).isEqualTo("store"));
    assertThat(cloud.launchedTasks()).as("actuations while the store is down").isZero();

    store.down.set(false);
    h.advance(Duration.ofMinutes(5));

    assertThat(h.status(ID)).isEqualTo(ResourceStatus.HAPPY);
    assertThat(cloud.launchedTasks()).isEqualTo(1);
    assertThat(memory.incompleteTasks()).isEmpty();
    assertThat(memory.dueAt(ID)).isPresent();
  }

  @Test
  void aTaskSeenCompleteByTwoInstancesIsRecordedOnce() {
    EngineHarness a = engine("a", memory, FakeHandler.builder(cloud, scheduler).build(), c -> { });
    EngineHarness b = engine("b", memory, FakeHandler.builder(cloud, scheduler).build(), c -> { });
    inSyncWeb(a);

    cloud.put("web", new FakeModel(2, "1.0"));
    a.engine().checkNow(ID);
    a.advance(Duration.ofMinutes(3));

    List<KeelEvent> history = memory.history(ID, 1_000);
    assertThat(history).filteredOn(e -> e instanceof ResourceEvent.ActuationLaunched).hasSize(1);
    assertThat(history).filteredOn(e -> e instanceof ResourceEvent.TaskSucceeded).hasSize(1);
    assertThat(a.events(ID, ResourceEvent.TaskSucceeded.class).size()
        + b.events(ID, ResourceEvent.TaskSucceeded.class).size()).isEqualTo(1);
    assertThat(a.status(ID)).isEqualTo(ResourceStatus.HAPPY);
  }
}
