package dev.keel.ec2.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.VirtualMachineOptions;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bakery on a simulated EC2, without an engine: what it bakes, dedupes, retries and gives up. */
class BakeryTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
  private final List<PluginEvent> events = new ArrayList<>();
  private final Bakery bakery = new Bakery(cloud, "test", 2, events::add);

  @AfterEach
  void close() {
    scheduler.close();
  }

  private static DebianArtifact artifact(boolean ignoreBaseUpdates) {
    return new DebianArtifact("fnord", "fnord", new VirtualMachineOptions("bionic", null,
        Set.of("us-east-1", "us-west-2"), null, ignoreBaseUpdates), Set.of(), null);
  }

  private BakeStatus ensure(DebianArtifact artifact) {
    return bakery.ensureBaked("fnord", artifact, "1.0.0", List.of("ec2:cluster:test:fnord"));
  }

  private List<String> types() {
    return events.stream().map(PluginEvent::type).toList();
  }

  @Test
  void aRunningBakeIsNotLaunchedTwiceAndItsSuccessIsReportedOnce() {
    DebianArtifact fnord = artifact(false);
    assertThat(ensure(fnord).state()).isEqualTo(BakeStatus.State.BAKING);
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(ensure(fnord).baking()).containsExactlyInAnyOrder("us-east-1", "us-west-2");
    assertThat(cloud.submitted()).hasSize(1);

    scheduler.advance(Duration.ofMinutes(6));
    BakeStatus baked = ensure(fnord);
    ensure(fnord);

    assertThat(baked.state()).isEqualTo(BakeStatus.State.BAKED);
    assertThat(baked.amis()).containsOnlyKeys("us-east-1", "us-west-2");
    assertThat(baked.message()).contains("fnord-1.0.0 is baked on bionicbase-release-1");
    assertThat(types()).containsExactly("BakeLaunched", "BakeSucceeded");
    assertThat(events).allSatisfy(e -> assertThat(e.resourceId()).isEqualTo("ec2:cluster:test:fnord"));
    assertThat(cloud.submitted()).hasSize(1);
  }

  @Test
  void afterTheConfiguredAttemptsTheBakeryGivesUpUntilTheBaseImageChanges() {
    DebianArtifact fnord = artifact(false);
    cloud.failNextStages("bake", "package not found", 2);
    ensure(fnord);
    scheduler.advance(Duration.ofMinutes(11));
    assertThat(ensure(fnord).state()).isEqualTo(BakeStatus.State.BAKING);
    scheduler.advance(Duration.ofMinutes(11));

    BakeStatus failed = ensure(fnord);
    ensure(fnord);

    assertThat(failed.state()).isEqualTo(BakeStatus.State.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.failure()).contains("gave up after 2 failed attempts").contains("package not found");
    assertThat(failed.attributes(Set.of("us-east-1", "us-west-2"))).containsEntry("region.us-east-1", "failed");
    assertThat(types()).containsExactly("BakeLaunched", "BakeFailed", "BakeLaunched", "BakeFailed", "BakeGaveUp");

    cloud.catalog().baseImage(new Catalog.BaseImage("bionicbase-release-2", "bionic", "release",
        scheduler.clock().instant()));
    assertThat(ensure(fnord).state()).isEqualTo(BakeStatus.State.BAKING);
  }

  @Test
  void anOutdatedBaseImageIsReBakedUnlessBaseUpdatesAreIgnored() {
    cloud.catalog().image(new Catalog.Image("old", "fnord-1.0.0", "bionicbase-release-0",
        Map.of("us-east-1", "ami-old-e", "us-west-2", "ami-old-w"), scheduler.clock().instant()));

    assertThat(ensure(artifact(true)).state()).isEqualTo(BakeStatus.State.BAKED);
    assertThat(bakery.images(artifact(true), "1.0.0", false)).containsOnlyKeys("us-east-1", "us-west-2");
    assertThat(bakery.images(artifact(false), "1.0.0", false)).isEmpty();
    assertThat(bakery.images(artifact(false), "1.0.0", true).get("us-east-1").amis())
        .containsEntry("us-east-1", "ami-old-e");

    BakeStatus rebake = ensure(artifact(false));
    assertThat(rebake.state()).isEqualTo(BakeStatus.State.BAKING);
    assertThat(rebake.missing()).containsExactlyInAnyOrder("us-east-1", "us-west-2");
    scheduler.advance(Duration.ofMinutes(11));
    assertThat(bakery.images(artifact(false), "1.0.0", true).get("us-east-1").baseImageName())
        .isEqualTo("bionicbase-release-1");
  }

  @Test
  void theApplicationVersionPrefixesThePackageNameOnce() {
    assertThat(Ec2Operation.Bake.appVersion("fnord", "1.0.0")).isEqualTo("fnord-1.0.0");
    assertThat(Ec2Operation.Bake.appVersion("fnord", "fnord-1.0.0")).isEqualTo("fnord-1.0.0");
  }

  @Test
  void anArtifactWithoutVmOptionsIsNotBaked() {
    DebianArtifact plain = new DebianArtifact("fnord", "fnord", null, Set.of(), null);
    assertThat(Ec2Operation.Bake.bakes(plain)).isFalse();
    assertThat(Ec2Operation.Bake.bakes(artifact(false))).isTrue();
    assertThatThrownBy(() -> bakery.images(plain, "1.0.0", true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declares no vmOptions");
  }

  @Test
  void anUnknownBaseImageFailsWithoutBaking() {
    DebianArtifact plan9 = new DebianArtifact("fnord", "fnord", new VirtualMachineOptions("plan9", null,
        Set.of("us-east-1"), null, false), Set.of(), null);
    BakeStatus status = bakery.ensureBaked("fnord", plan9, "1.0.0", List.of());
    assertThat(status.state()).isEqualTo(BakeStatus.State.FAILED);
    assertThat(status.failure()).contains("no base image is known for plan9/release");
    assertThat(cloud.submitted()).isEmpty();
  }
}
