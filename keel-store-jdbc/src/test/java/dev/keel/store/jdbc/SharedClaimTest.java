package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.Lease;
import dev.keel.spi.model.Resource;
import dev.keel.testkit.Configs;
import dev.keel.testkit.db.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several stores, each with its own pool, sharing one database the way several engine instances do: threads claim
 * due checks from all of them at once, on the database's clock. Some claims are made as by an instance about to
 * die (a lease that expires at once, never released), so their checks are taken over; live holders trigger the
 * check they hold (a change during a check) and release it for a day.
 */
abstract class SharedClaimTest {

  private static final int RESOURCES = 500;
  private static final int THREADS = 8;
  private static final int STORES = 3;
  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant TOMORROW_AND_LATER = Instant.parse("2100-01-01T00:00:00Z");

  /** A fresh database for the test. */
  abstract TestDatabase database();

  private record Claim(String owner, long fence) {}

  @Test
  void eachDueCheckIsHeldByOneLiveOwnerAtATimeWithGrowingFencesAndNoTriggerLost() throws Exception {
    TestDatabase db = database();
    List<JdbcKeelStore> stores = new ArrayList<>();
    for (int i = 0; i < STORES; i++) {
      stores.add(JdbcKeelStore.builder().jdbcUrl(db.url(), db.user(), db.password()).maxPoolSize(4)
          .kinds(TestStores.kinds()).clockSource(ClockSource.DATABASE).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      Resource<?>[] things = new Resource<?>[RESOURCES];
      for (int i = 0; i < RESOURCES; i++) {
        things[i] = Configs.thing("r" + i, "fnord", 1);
      }
      stores.get(0).storeDeliveryConfig(Configs.single("fnord", "test", things), NOW);

      Map<String, String> holders = new ConcurrentHashMap<>();
      Map<String, List<Claim>> claims = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> triggersIssued = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> triggeredClaims = new ConcurrentHashMap<>();
      List<String> violations = Collections.synchronizedList(new ArrayList<>());
      List<Map.Entry<String, Lease>> abandoned = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger held = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        JdbcKeelStore store = stores.get(t % STORES);
        JdbcKeelStore other = stores.get((t + 1) % STORES);
        String owner = "host-" + t;
        Random random = new Random(17 + t);
        workers.add(pool.submit(() -> {
          start.await();
          for (int empty = 0; empty < 3; ) {
            boolean dying = random.nextInt(10) == 0;
            List<DueCheck> due = store.claimDue(NOW, 1 + random.nextInt(8), owner, dying ? Duration.ZERO
                : Duration.ofMinutes(5));
            if (due.isEmpty()) {
              // Nothing due: done once it stays so while nobody holds a check a trigger could make due again.
              empty = held.get() == 0 ? empty + 1 : 0;
              Thread.onSpinWait();
              continue;
            }
            empty = 0;
            held.incrementAndGet();
            for (DueCheck d : due) {
              claims.computeIfAbsent(d.resourceId(), k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(new Claim(owner, d.fence()));
              if (d.triggered()) {
                triggeredClaims.computeIfAbsent(d.resourceId(), k -> new AtomicInteger()).incrementAndGet();
              }
              if (dying) {
                abandoned.add(Map.entry(d.resourceId(), d.lease(owner)));
                continue; // its lease ended as it began: never held
              }
              String before = holders.putIfAbsent(d.resourceId(), owner + "@" + d.fence());
              if (before != null) {
                violations.add(d.resourceId() + " claimed by " + owner + "@" + d.fence() + " while held by " + before);
              }
              if (random.nextInt(4) == 0) {
                other.triggerCheck(d.resourceId());
                triggersIssued.computeIfAbsent(d.resourceId(), k -> new AtomicInteger()).incrementAndGet();
              }
              if (random.nextInt(5) == 0 && !store.renewLease(d.resourceId(), d.lease(owner), NOW, Duration.ofMinutes(5))) {
                violations.add(owner + " could not renew its lease on " + d.resourceId());
              }
              holders.remove(d.resourceId());
              store.reschedule(d.resourceId(), d.lease(owner), TOMORROW_AND_LATER);
            }
            held.decrementAndGet();
          }
          return thread;
        }));
      }
      start.countDown();
      for (Future<?> w : workers) {
        w.get(5, TimeUnit.MINUTES);
      }

      assertThat(violations).isEmpty();
      assertThat(claims).hasSize(RESOURCES);
      claims.forEach((id, list) -> {
        List<Long> fences = list.stream().map(Claim::fence).sorted().toList();
        List<Long> expected = new ArrayList<>();
        for (long f = 1; f <= fences.size(); f++) {
          expected.add(f);
        }
        assertThat(fences).as("the fences of %s's claims, each one more than the last", id).isEqualTo(expected);
        int triggers = triggersIssued.getOrDefault(id, new AtomicInteger()).get();
        assertThat(triggeredClaims.getOrDefault(id, new AtomicInteger()).get())
            .as("claims of %s that were triggered: its creation and each of %d triggers", id, triggers)
            .isEqualTo(1 + triggers);
      });
      assertThat(triggersIssued.values().stream().mapToInt(AtomicInteger::get).sum()).isPositive();
      assertThat(abandoned).isNotEmpty();
      for (Map.Entry<String, Lease> lost : abandoned) {
        assertThat(stores.get(0).renewLease(lost.getKey(), lost.getValue(), NOW, Duration.ofMinutes(5)))
            .as("the lease %s on %s was taken over", lost.getValue(), lost.getKey()).isFalse();
      }
      assertThat(stores.get(1).claimDue(NOW, 10, "late", Duration.ofMinutes(1))).isEmpty();
    } finally {
      pool.shutdownNow();
      stores.forEach(JdbcKeelStore::close);
    }
  }
}
