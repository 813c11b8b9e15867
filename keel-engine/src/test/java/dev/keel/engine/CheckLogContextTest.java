package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.ExportTest.Bucket;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * While the engine checks a resource, SLF4J's MDC names the resource and its application on the thread that runs
 * each extension call (a thread of the engine's call executor, not the one that claimed the check), and every thread
 * is left as it was afterwards: nothing of one resource's check leaks into the next on a pooled thread.
 */
class CheckLogContextTest {

  private static final ResourceKind BUCKET = ResourceKind.parse("test/bucket@v2");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ExecutorService callThread = Executors.newSingleThreadExecutor();
  private final CountDownLatch currentCalled = new CountDownLatch(1);
  private final Map<String, String> seenInCurrent = new HashMap<>();

  @AfterEach
  void stopCallThread() {
    callThread.shutdownNow();
  }

  /** Records the MDC it sees in {@code current()}; the bucket is always as desired. */
  private final class RecordingHandler extends ExportTest.BucketHandler {
    @Override
    public Bucket current(Resource<Bucket> resource, ResourceContext context) {
      synchronized (seenInCurrent) {
        seenInCurrent.put("resourceId", MDC.get("keel.resourceId"));
        seenInCurrent.put("application", MDC.get("keel.application"));
        seenInCurrent.put("thread", Thread.currentThread().getName());
        seenInCurrent.put("requestId", MDC.get("requestId"));
      }
      currentCalled.countDown();
      return resource.spec();
    }
  }

  private static DeliveryConfig config() {
    Resource<?> bucket = new Resource<>(BUCKET, new Bucket("fnord-logs", "fnord", "eu-west-1"));
    return new DeliveryConfig("fnord", "fnord-manifest", null, List.of(),
        List.of(new Environment("test", List.of(bucket), List.of(), List.of(), List.of(), null)));
  }

  @Test
  void aHandlerSeesTheResourceAndApplicationInTheMdcDuringCurrentAndEveryThreadIsCleanAfter() throws Exception {
    InMemoryStore store = new InMemoryStore();
    try (KeelEngine engine = KeelEngine.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).store(store)
        .scheduler(new CallThreadScheduler(START, callThread)).handler(new RecordingHandler()).build()) {
      engine.start();

      engine.submit(config());

      assertThat(MDC.get("keel.resourceId")).as("the submitting thread's MDC after the check was started").isNull();
      assertThat(currentCalled.await(30, TimeUnit.SECONDS)).as("current() was called").isTrue();
      // The call thread runs one task at a time: this one runs after the check's last call and its continuations.
      Map<String, String> afterwards = CompletableFuture.supplyAsync(() -> {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return mdc == null ? Map.<String, String>of() : mdc;
      }, callThread).get(30, TimeUnit.SECONDS);

      synchronized (seenInCurrent) {
        assertThat(seenInCurrent).containsEntry("resourceId", "test:bucket:fnord-logs")
            .containsEntry("application", "fnord");
        assertThat(seenInCurrent.get("thread")).isNotEqualTo(Thread.currentThread().getName());
      }
      assertThat(afterwards).as("the call thread's MDC once the check is done").isEmpty();
      assertThat(engine.state("test:bucket:fnord-logs").lastResult()).isEqualTo(CheckResult.IN_SYNC);
    }
    assertThat(MDC.getCopyOfContextMap()).as("the test thread's MDC").isNullOrEmpty();
  }

  @Test
  void noMdcEntryOfOneResourcesCheckLeaksIntoTheNextCheckOnTheSamePooledThread() throws Exception {
    Map<String, Map<String, String>> seen = new HashMap<>();
    CountDownLatch bothCalled = new CountDownLatch(2);
    ExportTest.BucketHandler recording = new ExportTest.BucketHandler() {
      @Override
      public Bucket current(Resource<Bucket> resource, ResourceContext context) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        synchronized (seen) {
          seen.put(resource.id(), mdc == null ? Map.of() : Map.copyOf(mdc));
        }
        bothCalled.countDown();
        return resource.spec();
      }
    };
    try (KeelEngine engine = KeelEngine.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).store(new InMemoryStore())
        .scheduler(new CallThreadScheduler(START, callThread)).handler(recording).build()) {
      engine.start();

      engine.submit(config());
      engine.submit(new DeliveryConfig("other", "other-manifest", null, List.of(), List.of(new Environment("test",
          List.of(new Resource<>(BUCKET, new Bucket("other-logs", "other", "eu-west-1"))), List.of(), List.of(),
          List.of(), null))));

      assertThat(bothCalled.await(30, TimeUnit.SECONDS)).isTrue();
      Map<String, String> afterwards = CompletableFuture.supplyAsync(() -> {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return mdc == null ? Map.<String, String>of() : mdc;
      }, callThread).get(30, TimeUnit.SECONDS);
      synchronized (seen) {
        assertThat(seen).containsOnly(
            Map.entry("test:bucket:fnord-logs", Map.of("keel.resourceId", "test:bucket:fnord-logs",
                "keel.application", "fnord")),
            Map.entry("test:bucket:other-logs", Map.of("keel.resourceId", "test:bucket:other-logs",
                "keel.application", "other")));
      }
      assertThat(afterwards).as("the pooled call thread's MDC after both checks").isEmpty();
    }
    assertThat(MDC.getCopyOfContextMap()).as("the test thread's MDC").isNullOrEmpty();
  }

  @Test
  void anMdcEntryOfTheHostsThreadIsKeptAndCarriedIntoTheCall() throws Exception {
    InMemoryStore store = new InMemoryStore();
    MDC.put("requestId", "r-42");
    try (KeelEngine engine = KeelEngine.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).store(store)
        .scheduler(new CallThreadScheduler(START, callThread)).handler(new RecordingHandler()).build()) {
      engine.start();

      engine.submit(config());

      assertThat(currentCalled.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(MDC.getCopyOfContextMap()).as("the host thread's own MDC").isEqualTo(Map.of("requestId", "r-42"));
      Map<String, String> afterwards = CompletableFuture.supplyAsync(() -> {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return mdc == null ? Map.<String, String>of() : mdc;
      }, callThread).get(30, TimeUnit.SECONDS);
      assertThat(afterwards).as("the call thread's MDC once the check is done").isEmpty();
      synchronized (seenInCurrent) {
        assertThat(seenInCurrent).containsEntry("resourceId", "test:bucket:fnord-logs")
            .containsEntry("requestId", "r-42");
      }
    } finally {
      MDC.remove("requestId");
    }
  }
}
