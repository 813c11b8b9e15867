package dev.keel.ec2.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated EC2's bakes: on the clock, per-region faults, whole-bake faults, base images. */
class SimulatedBakeTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 sim = SimulatedEc2.withDefaults(scheduler.clock());

  @AfterEach
  void close() {
    scheduler.close();
  }

  private TaskExecution bake(String os, String... regions) {
    return sim.submit(new TaskRequest("fnord", "bake", "bake:fnord-1.0.0", List.of(new Ec2Operation.Bake("test",
        List.of(regions), "fnord", "fnord-1.0.0", os, "release", "ebs")), null, null, null));
  }

  @Test
  void aBakeRegistersAnImageInEveryRegionOnTheCurrentBaseAfterTheBakeDuration() {
    TaskExecution task = bake("bionic", "us-east-1", "us-west-2");
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(sim.findImages("fnord-1.0.0", "test")).isEmpty();
    assertThat(sim.task(task.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.RUNNING);

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(sim.task(task.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.SUCCEEDED);
    assertThat(sim.findImages("fnord-1.0.0", "test")).singleElement().satisfies(i -> {
      assertThat(i.amis()).containsOnlyKeys("us-east-1", "us-west-2");
      assertThat(i.baseImageName()).isEqualTo("bionicbase-release-1");
      assertThat(i.appVersion()).isEqualTo("fnord-1.0.0");
    });
  }

  @Test
  void aBakeFailingInOneRegionStillBakesTheOthersAndFailsNamingTheRegion() {
    sim.failBakesIn("us-west-2", "no capacity", 1);
    TaskExecution task = bake("bionic", "us-east-1", "us-west-2");
    scheduler.advance(Duration.ofMinutes(11));

    TaskExecution done = sim.task(task.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(TaskExecution.State.TERMINAL);
    assertThat(done.failure()).contains("us-west-2: no capacity").doesNotContain("us-east-1");
    assertThat(sim.findImages("fnord-1.0.0", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsOnlyKeys("us-east-1"));

    TaskExecution retry = bake("bionic", "us-west-2");
    scheduler.advance(Duration.ofMinutes(11));
    assertThat(sim.task(retry.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.SUCCEEDED);
  }

  @Test
  void aWholeBakeFailureRegistersNothing() {
    sim.failNextStages("bake", "package not found", 1);
    TaskExecution task = bake("bionic", "us-east-1");
    scheduler.advance(Duration.ofMinutes(11));

    assertThat(sim.task(task.id()).orElseThrow().failure()).contains("package not found");
    assertThat(sim.findImages("fnord-1.0.0", "test")).isEmpty();
  }

  @Test
  void aBakeOnAnUnknownBaseOsFails() {
    TaskExecution task = bake("plan9", "us-east-1");
    scheduler.advance(Duration.ofMinutes(11));

    assertThat(sim.task(task.id()).orElseThrow().failure()).contains("no base image for plan9/release");
  }

  @Test
  void aPublishedBaseImageBecomesCurrentAndNewBakesUseIt() {
    assertThat(sim.baseImage("bionic", "release")).map(Catalog.BaseImage::name).contains("bionicbase-release-1");
    sim.catalog().baseImage(new Catalog.BaseImage("bionicbase-release-2", "bionic", "release", scheduler.clock().instant()));

    bake("bionic", "us-east-1");
    scheduler.advance(Duration.ofMinutes(11));

    assertThat(sim.baseImage("bionic", "release")).map(Catalog.BaseImage::name).contains("bionicbase-release-2");
    assertThat(sim.baseImage("bionic", "candidate")).map(Catalog.BaseImage::name).contains("bionicbase-candidate-1");
    assertThat(sim.findImages("fnord-1.0.0", "test")).singleElement()
        .satisfies(i -> assertThat(i.baseImageName()).isEqualTo("bionicbase-release-2"));
  }
}
