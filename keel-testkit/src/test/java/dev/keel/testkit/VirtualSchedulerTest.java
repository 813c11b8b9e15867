package dev.keel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link VirtualScheduler#runUntilIdle()} and {@link VirtualScheduler#advance(Duration)} return only once
 * every worker woken at the current instant has run on, however the threads interleave. Each test repeats a
 * wake-up that races with the scheduler's idle check, and counts the trials in which the scheduler went
 * idle while the woken worker was still running.
 */
class VirtualSchedulerTest {

  private static final int TRIALS = 500;

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2024-01-01T00:00:00Z"));

  @AfterEach
  void close() {
    scheduler.close();
  }

  /**
   * A call that another worker completes, and finishes its task, just as the waiting worker registers for
   * the call's completion: the moment an engine call made on a fast extension most often completes.
   */
  private static final class CompletedAsAwaited extends CompletableFuture<String> {
    private final VirtualScheduler scheduler;

    CompletedAsAwaited(VirtualScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
      CountDownLatch completed = new CountDownLatch(1);
      scheduler.executor().execute(() -> {
        complete("done");
        completed.countDown();
      });
      try {
        completed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return super.whenComplete(action);
    }
  }

  @Test
  void runUntilIdleWaitsForAWorkerWhoseCallCompletedAsItBeganToWait() {
    AtomicInteger idleTooEarly = new AtomicInteger();
    for (int i = 0; i < TRIALS; i++) {
      AtomicBoolean returned = new AtomicBoolean();
      AtomicBoolean result = new AtomicBoolean();
      scheduler.executor().execute(() -> {
        try {
          result.set("done".equals(scheduler.await(new CompletedAsAwaited(scheduler))));
        } catch (ExecutionException | InterruptedException e) {
          throw new AssertionError(e);
        }
        returned.set(true);
      });
      scheduler.runUntilIdle();
      if (!returned.get()) {
        idleTooEarly.incrementAndGet();
      } else {
        assertThat(result).isTrue();
      }
    }
    assertThat(idleTooEarly).as("trials of %s in which runUntilIdle returned while the waiter ran", TRIALS).hasValue(0);
  }

  @Test
  void advanceWaitsForASleeperItsTimerWoke() {
    AtomicInteger idleTooEarly = new AtomicInteger();
    for (int i = 0; i < TRIALS; i++) {
      AtomicBoolean woke = new AtomicBoolean();
      scheduler.executor().execute(() -> {
        try {
          scheduler.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        woke.set(true);
      });
      scheduler.runUntilIdle();
      scheduler.advance(Duration.ofSeconds(1));
      if (!woke.get()) {
        idleTooEarly.incrementAndGet();
      }
    }
    assertThat(idleTooEarly).as("trials of %s in which advance returned while the sleeper ran", TRIALS).hasValue(0);
  }

  @Test
  void workTheTestSubmitsRunsInItsOrderEachWithAllItLeadsTo() {
    int outOfOrder = 0;
    for (int i = 0; i < TRIALS; i++) {
      List<String> ran = Collections.synchronizedList(new ArrayList<>());
      scheduler.executor().execute(() -> scheduler.executor().execute(() -> scheduler.executor().execute(() -> ran.add("first"))));
      scheduler.executor().execute(() -> ran.add("second"));
      scheduler.runUntilIdle();
      if (!ran.equals(List.of("first", "second"))) {
        outOfOrder++;
      }
    }
    assertThat(outOfOrder).as("trials of %s in which the second submission ran before all the first led to", TRIALS)
        .isZero();
  }
}
