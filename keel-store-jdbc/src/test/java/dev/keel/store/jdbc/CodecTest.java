package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.ArtifactOriginFilter;
import dev.keel.spi.model.BranchFilter;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Freeze;
import dev.keel.spi.model.NotificationConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spi.model.TagVersionStrategy;
import dev.keel.spi.model.TimeWindow;
import dev.keel.testkit.Configs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the store writes reads back as it was, through the engine's own codecs. */
class CodecTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00.123456789Z");
  private final Codec codec = new Codec(TestStores.kinds());

  private static DeliveryConfig richConfig() {
    Resource<?> thing = Configs.thing("a", "fnord", 3).withMetadata("owner", "team-x");
    Resource<?> deploying = Configs.deploying("b", "fnord", "image");
    return new DeliveryConfig("fnord", "fnord-manifest", "keel@example.com",
        List.of(new DockerArtifact("org/fnord", "image", TagVersionStrategy.SEMVER_TAG, null, null),
            new DebianArtifact("fnord", "deb", null, Set.of("RELEASE"),
                new ArtifactOriginFilter(new BranchFilter(null, "release/", null), false))),
        List.of(new Environment("test", List.of(thing), List.of(), List.of(),
                List.of(new NotificationConfig("slack", "#fnord", "quiet")), null,
                List.of(new Freeze("holidays", LocalDateTime.parse("2026-12-24T00:00"),
                    LocalDateTime.parse("2026-12-27T00:00"), null, null, "Europe/Berlin"))),
            new Environment("prod", List.of(deploying), List.of(new DependsOnConstraint("test"),
                new ManualJudgementConstraint(Duration.ofHours(2)),
                new AllowedTimesConstraint(List.of(new TimeWindow("mon-fri", "9-17")), "America/Los_Angeles", 2)),
                List.of(), List.of(), null)));
  }

  @Test
  void aConfigReadsBackEqualWithEveryKindOfElement() {
    DeliveryConfig config = richConfig();

    DeliveryConfig read = codec.config(config.name(), codec.config(config));

    assertThat(read).isEqualTo(config);
    assertThat(read.environment("test").resources().get(0).metadata()).containsEntry("owner", "team-x");
  }

  @Test
  void aResourceReadsBackEqual() {
    Resource<?> thing = Configs.thing("a", "fnord", 3);

    assertThat(codec.resource(thing.id(), codec.resource(thing))).isEqualTo(thing);
  }

  @Test
  void aConfigOfAKindTheStoreDoesNotKnowIsAClearError() {
    Codec bare = new Codec(KindRegistry.builder().build());
    String json = codec.config(richConfig());

    assertThatThrownBy(() -> bare.config("fnord-manifest", json)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fnord-manifest").hasMessageContaining("fake/thing@v1");
  }

  @Test
  void storedValuesReadBackExactly() {
    Task task = new Task("t1", "deploy", "fake", "corr-1");
    ResourceState state = ResourceState.initial("fake:thing:a").checked(CheckResult.VETOED, T0, "frozen")
        .vetoed("freeze", "frozen", ResourceStatus.PAUSED, T0).actuated(List.of(task), true, T0, Duration.ofHours(1))
        .withDrift("abc", T0).withArtifactVersion("1.2.3");
    TaskRecord record = new TaskRecord(task, "fake:thing:a", "fnord", T0, TaskState.FAILED, "boom", T0.plusSeconds(1));

    assertThat(codec.value(codec.value(state), ResourceState.class)).isEqualTo(state);
    assertThat(codec.value(codec.value(record), TaskRecord.class)).isEqualTo(record);
  }

  @Test
  void eventsReadBackByTheirType() {
    List<ResourceEvent> events = List.of(new ResourceEvent.Created("r", "fnord", T0),
        new ResourceEvent.CheckTimedOut("r", "fnord", T0, "current", Duration.ofSeconds(30)),
        new ResourceEvent.TaskFailed("r", "fnord", T0, new Task("t1", "deploy", "fake", null), "boom"),
        new ResourceEvent.FromPlugin("r", "fnord", T0, new PluginEvent("p", "baked", "r", "done", Map.of("k", "v"))),
        new ResourceEvent.DeltaDetected("r", "fnord", T0, Map.of("/size", Map.of("desired", 3, "current", 2)), "fp"));
    for (ResourceEvent e : events) {
      assertThat(codec.resourceEvent(Codec.eventType(e), codec.value(e))).contains(e);
    }
    List<ApplicationEvent> applicationEvents = List.of(new ApplicationEvent.Paused("fnord", T0, "alice", null),
        new ApplicationEvent.ConfigSubmitted("fnord", T0, "fnord-manifest", "alice", null, 2, 1, 0),
        new ApplicationEvent.ConfigDeleted("fnord", T0, "fnord-manifest", "bob", "retired", 3),
        new ApplicationEvent.Unpinned("fnord", T0, "fnord-manifest", "staging", "fnord", "carol", null),
        new ApplicationEvent.Unvetoed("fnord", T0, "fnord-manifest", "test", "fnord", "fnord-1.1.0", "dave", "fixed"));
    for (ApplicationEvent e : applicationEvents) {
      assertThat(codec.applicationEvent(Codec.eventType(e), codec.value(e))).contains(e);
    }
    assertThat(codec.resourceEvent("SomethingNewer", "{}")).isEmpty();
  }
}
