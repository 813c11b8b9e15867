package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.ResourceState;
import dev.keel.spi.model.Resource;
import dev.keel.testkit.Configs;
import dev.keel.testkit.db.InterceptingDataSource;
import dev.keel.testkit.db.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of checks' ends on PostgreSQL: checks that end while others are written are written together,
 * each row still conditional on its own lease, and a failed group fails each of its checks without writing any.
 */
class PostgresGroupCompletionsTest {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant NEXT = Instant.parse("2026-01-05T10:00:00Z");
  private static final int CHECKS = 16;

  /** Holds every group statement at the database's door until released, and counts them. */
  private static final class GroupGate extends InterceptingDataSource {
    final AtomicInteger held = new AtomicInteger();
    final AtomicInteger groups = new AtomicInteger();
    final CountDownLatch open = new CountDownLatch(1);
    volatile boolean failing;

    GroupGate(DataSource delegate) {
      super(delegate);
    }

    @Override
    protected Object roundTrip(String method, String sql, RoundTrip call) throws Throwable {
      if (sql != null && sql.startsWith("WITH input AS")) {
        groups.incrementAndGet();
        held.incrementAndGet();
        try {
          if (!open.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never opened the gate");
          }
        } finally {
          held.decrementAndGet();
        }
        if (failing) {
          throw new java.sql.SQLException("connection lost (simulated)", "08006");
        }
      }
      return call.proceed();
    }
  }

  private HikariDataSource pool;
  private GroupGate gate;
  private JdbcKeelStore store;
  private List<DueCheck> claimed;

  @BeforeEach
  void claimSixteenChecks() {
    pool = TestStores.pool(TestDatabases.postgres(), 8);
    gate = new GroupGate(pool);
    store = TestStores.builder(gate).build();
    Resource<?>[] things = new Resource<?>[CHECKS];
    for (int i = 0; i < CHECKS; i++) {
      things[i] = Configs.thing("r" + i, "fnord", 1);
    }
    store.storeDeliveryConfig(Configs.single("fnord", "test", things), NOW);
    claimed = store.claimDue(NOW, CHECKS, "instance-a", Duration.ofMinutes(5));
    assertThat(claimed).hasSize(CHECKS);
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private static ResourceState checked(String id) {
    return ResourceState.initial(id).checked(CheckResult.IN_SYNC, NOW, null);
  }

  /** Completes every claimed check at once, each from its own thread; a lease in {@code stale} is not held. */
  private Map<String, Throwable> completeAllAtOnce(List<String> stale) throws InterruptedException {
    Map<String, Throwable> failures = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (DueCheck d : claimed) {
      Lease lease = stale.contains(d.resourceId()) ? new Lease("instance-b", d.fence()) : d.lease("instance-a");
      Thread t = new Thread(() -> {
        try {
          store.completeCheck(d.resourceId(), lease, checked(d.resourceId()), List.of(), NEXT);
        } catch (RuntimeException e) {
          failures.put(d.resourceId(), e);
        }
      }, "check-" + d.resourceId());
      threads.add(t);
      t.start();
    }
    // The first writers hold their groups at the gate; every other check's thread waits, for a writer's turn or for
    // the outcome of the group that took its row.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!(gate.held.get() >= 1 && threads.stream()
        .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
        .count() == CHECKS)) {
      assertThat(System.nanoTime()).as("checks lined up at the writers' gate").isLessThan(deadline);
      Thread.onSpinWait();
    }
    gate.open.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(1));
      assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
    }
    return failures;
  }

  @Test
  void checksEndingTogetherAreWrittenInFewStatementsEachOnItsOwnLease() throws InterruptedException {
    List<String> stale = List.of(claimed.get(3).resourceId(), claimed.get(11).resourceId());

    Map<String, Throwable> failures = completeAllAtOnce(stale);

    assertThat(failures).containsOnlyKeys(stale);
    failures.values().forEach(e -> assertThat(e).isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("instance-a"));
    for (DueCheck d : claimed) {
      if (stale.contains(d.resourceId())) {
        assertThat(store.dueAt(d.resourceId())).as("%s still held by its claimer", d.resourceId()).isEmpty();
        assertThat(store.state(d.resourceId()).lastResult()).isNull();
      } else {
        assertThat(store.dueAt(d.resourceId())).contains(NEXT);
        assertThat(store.state(d.resourceId())).isEqualTo(checked(d.resourceId()));
      }
    }
    // The writers at the gate wrote one group each, and the checks queued behind them went in one more.
    assertThat(gate.groups.get()).isBetween(1, GroupCompletions.WRITERS + 1);
  }

  @Test
  void aGroupThatFailsFailsEachOfItsChecksByNameAndWritesNone() throws InterruptedException {
    gate.failing = true;

    Map<String, Throwable> failures = completeAllAtOnce(List.of());

    assertThat(failures).hasSize(CHECKS);
    failures.forEach((id, e) -> assertThat(e).isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("Could not complete the check of " + id).hasMessageContaining("connection lost"));
    for (DueCheck d : claimed) {
      assertThat(store.dueAt(d.resourceId())).isEmpty();
      assertThat(store.state(d.resourceId()).lastResult()).isNull();
    }

    gate.failing = false;
    DueCheck first = claimed.get(0);
    store.completeCheck(first.resourceId(), first.lease("instance-a"), checked(first.resourceId()), List.of(), NEXT);
    assertThat(store.dueAt(first.resourceId())).contains(NEXT);
  }

  @Test
  void aCheckEndingAloneIsWrittenAtOnce() {
    gate.open.countDown();
    DueCheck only = claimed.get(5);

    store.completeCheck(only.resourceId(), only.lease("instance-a"), checked(only.resourceId()), List.of(), NEXT);

    assertThat(gate.groups.get()).isEqualTo(1);
    assertThat(store.state(only.resourceId())).isEqualTo(checked(only.resourceId()));
    assertThatThrownBy(() -> store.completeCheck(only.resourceId(), only.lease("instance-a"),
        checked(only.resourceId()), List.of(), NEXT)).isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("released");
  }
}
