package dev.keel.engine.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.schedule.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The work queue's guarantees as properties over random interleavings of adds, completions, time and
 * executor steps, driven on a hand-cranked scheduler.
 */
class WorkQueueTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** One step of a scenario: add a key, complete a running key, advance time, or let the executor run. */
  record Step(int kind, int key, int amount) {}

  private static Gen<List<Step>> scenarios() {
    Gen<Step> step = integers().between(0, 3).zip(integers().between(0, 7), integers().between(0, 20), Step::new);
    return lists().of(step).ofSizeBetween(1, 60);
  }

  /** Drives a queue through a scenario and checks the invariants after every step. */
  private static final class Run {
    final ManualScheduler scheduler = new ManualScheduler(T0);
    final Map<Integer, CompletableFuture<Void>> inFlight = new HashMap<>();
    final Map<Integer, Integer> runs = new HashMap<>();
    final Map<Integer, Instant> lastAddedDue = new HashMap<>();
    final Map<Integer, Integer> runsAtLastAdd = new HashMap<>();
    final int capacity;
    final WorkQueue<Integer> queue;
    boolean concurrentRun;
    int maxRunning;

    Run(int capacity) {
      this.capacity = capacity;
      this.queue = WorkQueue.<Integer>builder(scheduler, key -> {
        if (inFlight.containsKey(key)) {
          concurrentRun = true;
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        inFlight.put(key, f);
        runs.merge(key, 1, Integer::sum);
        maxRunning = Math.max(maxRunning, inFlight.size());
        return f;
      }).maxConcurrency(capacity).build();
    }

    void apply(Step s) {
      switch (s.kind()) {
        case 0 -> {
          Instant due = scheduler.now().plusSeconds(s.amount());
          queue.add(s.key(), due, s.amount() % 3 == 0 ? Priority.CHANGED : Priority.PERIODIC);
          lastAddedDue.put(s.key(), due);
          runsAtLastAdd.put(s.key(), runs.getOrDefault(s.key(), 0));
        }
        case 1 -> {
          CompletableFuture<Void> f = inFlight.remove(s.key());
          if (f != null) {
            f.complete(null);
          }
        }
        case 2 -> scheduler.advanceTo(scheduler.now().plusSeconds(s.amount()));
        default -> {
          for (int i = 0; i <= s.amount() && scheduler.runOne(); i++) {
            // run a few queued tasks
          }
        }
      }
    }

    /** Completes everything and lets time run out, so every pending key gets its turn. */
    void drain() {
      for (int round = 0; round < 100; round++) {
        scheduler.runAll();
        new ArrayList<>(inFlight.keySet()).forEach(k -> inFlight.remove(k).complete(null));
        scheduler.runAll();
        scheduler.advanceTo(scheduler.now().plus(Duration.ofMinutes(5)));
        scheduler.runAll();
        if (inFlight.isEmpty() && queue.pendingCount() == 0 && scheduler.queuedWork() == 0) {
          return;
        }
      }
    }
  }

  @Test
  void aKeyNeverRunsTwiceAtOnceAndConcurrencyIsBounded() {
    qt().withFixedSeed(4242L).withExamples(1_000).forAll(scenarios(), integers().between(1, 4)).check((steps, cap) -> {
      Run run = new Run(cap);
      for (Step s : steps) {
        run.apply(s);
        if (run.concurrentRun || run.queue.runningCount() > cap) {
          return false;
        }
      }
      return !run.concurrentRun && run.maxRunning <= cap;
    });
  }

  @Test
  void aKeyHasAtMostOnePendingEntry() {
    qt().withFixedSeed(77L).withExamples(1_000).forAll(scenarios()).check(steps -> {
      Run run = new Run(2);
      Set<Integer> keysSeen = new HashSet<>();
      for (Step s : steps) {
        run.apply(s);
        if (s.kind() == 0) {
          keysSeen.add(s.key());
        }
        if (run.queue.pendingCount() > keysSeen.size()) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void noWakeUpIsLostEveryAddedKeyRunsAfterItsLastAdd() {
    qt().withFixedSeed(9001L).withExamples(1_000).forAll(scenarios(), integers().between(1, 3)).check((steps, cap) -> {
      Run run = new Run(cap);
      steps.forEach(run::apply);
      run.drain();
      for (var added : run.runsAtLastAdd.entrySet()) {
        if (run.runs.getOrDefault(added.getKey(), 0) <= added.getValue()) {
          return false;
        }
      }
      return run.queue.pendingCount() == 0;
    });
  }

  @Test
  void keysDueWhenCapacityAllowsAreRunWithoutWaitingForTime() {
    qt().withFixedSeed(5L).withExamples(1_000).forAll(lists().of(integers().between(0, 50)).ofSizeBetween(1, 30))
        .check(keys -> {
          Run run = new Run(100);
          keys.forEach(k -> run.queue.add(k, T0, Priority.PERIODIC));
          run.scheduler.runAll();
          return run.inFlight.keySet().equals(new HashSet<>(keys));
        });
  }

  @Test
  void changedWorkOvertakesPeriodicWorkThatIsDue() {
    Run run = new Run(1);
    run.queue.add(1, T0, Priority.PERIODIC);
    run.scheduler.runAll();
    run.queue.add(2, T0, Priority.PERIODIC);
    run.queue.add(3, T0.plusSeconds(1), Priority.CHANGED);
    run.scheduler.advanceTo(T0.plusSeconds(2));
    run.inFlight.remove(1).complete(null);
    run.scheduler.runAll();

    assertThat(run.inFlight).containsOnlyKeys(3);
  }

  @Test
  void aRateLimitedGroupStartsNoFasterThanItsLimitWhileOtherGroupsRunFreely() {
    ManualScheduler scheduler = new ManualScheduler(T0);
    List<String> started = new ArrayList<>();
    List<Instant> startedAt = new ArrayList<>();
    WorkQueue<String> queue = WorkQueue.<String>builder(scheduler, key -> {
      started.add(key);
      startedAt.add(scheduler.now());
      return CompletableFuture.completedFuture(null);
    }).maxConcurrency(50).rateGroup(k -> k.substring(0, 3))
        .rateLimit("ec2", RateLimit.of(2, Duration.ofMinutes(1))).build();
    for (int i = 0; i < 6; i++) {
      queue.add("ec2-" + i, T0, Priority.PERIODIC);
      queue.add("k8s-" + i, T0, Priority.PERIODIC);
    }

    scheduler.runAll();
    assertThat(started).filteredOn(k -> k.startsWith("k8s")).hasSize(6);
    assertThat(started).filteredOn(k -> k.startsWith("ec2")).hasSize(2);

    for (int minute = 1; minute <= 2; minute++) {
      scheduler.advanceTo(T0.plus(Duration.ofMinutes(minute)));
      scheduler.runAll();
    }
    assertThat(started).filteredOn(k -> k.startsWith("ec2")).hasSize(6);
    assertThat(startedAt.get(started.indexOf("ec2-5"))).isEqualTo(T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void backoffHasFullJitterUnderAGrowingCappedCeiling() {
    Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10));

    assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.ceiling(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(b.ceiling(40)).isEqualTo(Duration.ofMinutes(10));
    qt().withFixedSeed(3L).withExamples(1_000).forAll(integers().between(1, 100), integers().between(0, 999))
        .check((attempt, r) -> {
          Duration d = b.delay(attempt, () -> r / 1000.0);
          return !d.isNegative() && d.compareTo(b.ceiling(attempt)) <= 0;
        });
  }
}
