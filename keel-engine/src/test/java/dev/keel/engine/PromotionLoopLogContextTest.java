package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.ExportTest.Bucket;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * While the promotion loop checks a config, SLF4J's MDC names its application, on the thread of each artifact
 * supplier's call; the call's pooled thread and the loop's own are left clean.
 */
class PromotionLoopLogContextTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ExecutorService callThread = Executors.newSingleThreadExecutor();
  private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopCallThread() {
    callThread.shutdownNow();
  }

  private static Map<String, String> mdc() {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return mdc == null ? Map.of() : Map.copyOf(mdc);
  }

  /** Notes the MDC of each call; knows no versions. */
  private final ArtifactSupplier supplier = new ArtifactSupplier() {
    @Override
    public String artifactType() {
      return "deb";
    }

    @Override
    public List<ArtifactVersion> latestVersions(DeliveryArtifact artifact, int limit) {
      seen.add(mdc());
      return List.of();
    }
  };

  @Test
  void anArtifactSuppliersCallNamesTheApplicationWhosePromotionIsChecked() throws Exception {
    Resource<?> bucket = new Resource<>(ResourceKind.parse("test/bucket@v2"), new Bucket("fnord-logs", "fnord",
        "eu-west-1"));
    DeliveryConfig config = new DeliveryConfig("fnord", "fnord-manifest", null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(new Environment("test", List.of(bucket), List.of(), List.of(), List.of(), null)));
    try (KeelEngine engine = KeelEngine.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).store(new InMemoryStore())
        .scheduler(new CallThreadScheduler(START, callThread)).handler(new ExportTest.BucketHandler())
        .artifactSupplier(supplier).build()) {
      engine.start();

      engine.submit(config);

      Map<String, String> afterwards = CompletableFuture.supplyAsync(PromotionLoopLogContextTest::mdc, callThread)
          .get(30, TimeUnit.SECONDS);
      assertThat(seen).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo(Map.of("keel.application", "fnord")));
      assertThat(afterwards).as("the pooled call thread's MDC after the promotion check").isEmpty();
    }
    assertThat(MDC.getCopyOfContextMap()).as("the test thread's MDC").isNullOrEmpty();
  }
}
