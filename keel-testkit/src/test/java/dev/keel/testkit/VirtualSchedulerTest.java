package dev.keel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  @Test
  void onlyOneWorkerRunsAtATimeEvenWhileOthersWaitForCalls() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (VirtualScheduler scheduler = new VirtualScheduler(START)) {
      Executor executor = scheduler.executor();
      for (int i = 0; i < 40; i++) {
        int n = i;
        executor.execute(() -> {
          enter(running, most);
          CompletableFuture<Integer> call = new CompletableFuture<>();
          executor.execute(() -> {
            enter(running, most);
            busyWork();
            running.decrementAndGet();
            call.complete(n);
          });
          busyWork();
          running.decrementAndGet();
          try {
            scheduler.await(call);
            scheduler.sleep(Duration.ofSeconds(n % 7));
            enter(running, most);
            busyWork();
            running.decrementAndGet();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
      }
      scheduler.advance(Duration.ofMinutes(1));
    }
    assertThat(most).hasValue(1);
  }

  @Test
  void theSameWorkRunsInTheSameOrderEveryTime() {
    List<String> first = run();
    for (int i = 0; i < 15; i++) {
      assertThat(run()).as("run %d", i + 2).isEqualTo(first);
    }
    assertThat(first).hasSize(3 * 30);
  }

  @Test
  void timersDueAtOneInstantRunInTheOrderTheyWereSet() {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    try (VirtualScheduler scheduler = new VirtualScheduler(START)) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        scheduler.schedule(START.plusSeconds(10), () -> order.add(n));
      }
      scheduler.advance(Duration.ofSeconds(10));
    }
    assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
  }

  @Test
  void advanceReturnsOnlyOnceTheSleepersItsTimersWokeHaveRunOn() {
    int early = 0;
    try (VirtualScheduler scheduler = new VirtualScheduler(START)) {
      for (int i = 0; i < 200; i++) {
        AtomicInteger woke = new AtomicInteger();
        scheduler.executor().execute(() -> {
          try {
            scheduler.sleep(Duration.ofSeconds(1));
            busyWork();
            woke.incrementAndGet();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
        scheduler.runUntilIdle();
        scheduler.advance(Duration.ofSeconds(1));
        early += woke.get() == 1 ? 0 : 1;
      }
    }
    assertThat(early).as("trials in which advance returned before the sleeper ran on").isZero();
  }

  @Test
  void aHeldWorkerReleasedByTheTestRunsBeforeTheTestGoesOn() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (VirtualScheduler scheduler = new VirtualScheduler(START)) {
      VirtualScheduler.Hold hold = scheduler.hold();
      scheduler.executor().execute(() -> {
        try {
          hold.await();
          seen.add("released");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      scheduler.runUntilIdle();
      assertThat(seen).isEmpty();
      hold.release();
      scheduler.runUntilIdle();
      assertThat(seen).containsExactly("released");
    }
  }

  /**
   * Thirty jobs, each calling out twice (the calls complete on other workers, some after virtual
   * latency) and recording its steps: with threads free to interleave, the recorded order would vary.
   */
  private static List<String> run() {
    List<String> steps = Collections.synchronizedList(new ArrayList<>());
    try (VirtualScheduler scheduler = new VirtualScheduler(START)) {
      Executor executor = scheduler.executor();
      for (int i = 0; i < 30; i++) {
        int job = i;
        executor.execute(() -> {
          steps.add(job + ":start");
          try {
            scheduler.await(call(scheduler, executor, job, Duration.ZERO));
            steps.add(job + ":first");
            scheduler.await(call(scheduler, executor, job, Duration.ofMillis(job % 3)));
            steps.add(job + ":second");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
      }
      scheduler.advance(Duration.ofSeconds(1));
      return List.copyOf(steps);
    }
  }

  private static CompletableFuture<String> call(VirtualScheduler scheduler, Executor executor, int job, Duration latency) {
    CompletableFuture<String> call = new CompletableFuture<>();
    executor.execute(() -> {
      try {
        busyWork();
        scheduler.sleep(latency);
        call.complete("done " + job);
      } catch (InterruptedException e) {
        call.completeExceptionally(e);
      }
    });
    return call;
  }

  private static void enter(AtomicInteger running, AtomicInteger most) {
    most.accumulateAndGet(running.incrementAndGet(), Math::max);
  }

  /** Enough work that a second thread, were it allowed to run, would overlap with this one. */
  private static void busyWork() {
    long x = 0;
    for (int i = 0; i < 20_000; i++) {
      x += Long.rotateLeft(x ^ i, 7);
    }
    if (x == 42) {
      Thread.yield();
    }
  }
}
