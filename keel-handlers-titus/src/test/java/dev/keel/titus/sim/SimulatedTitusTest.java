package dev.keel.titus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.TitusReadException;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.handler.TitusClusterDesiredState;
import dev.keel.titus.handler.TitusFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedTitusTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedTitus titus = SimulatedTitus.withDefaults(scheduler.clock());

  private TaskRequest deploy(String correlation) {
    TitusServerGroup desired = TitusClusterDesiredState.resolve(TitusFixtures.cluster("us-east-1")).get("us-east-1");
    return new TaskRequest("fnord", "deploy", correlation, List.of(new ServerGroupOperation.CreateServerGroup<>(desired,
        DeployStrategy.RedBlack.DEFAULT, null, new DeployWave("us-east-1", null, null, null))), null, null, null);
  }

  @Test
  void aTaskRunsOnlyAsTheClockAdvancesAndASecondSubmissionWithTheSameCorrelationJoinsIt() {
    TaskExecution first = titus.submit(deploy("c"));
    TaskExecution again = titus.submit(deploy("c"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(titus.isRunning("c")).isTrue();
    assertThat(titus.truth("test", "us-east-1", "fnord-main")).isEmpty();

    scheduler.advance(Duration.ofMinutes(10));

    assertThat(titus.task(first.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.SUCCEEDED);
    assertThat(titus.isRunning("c")).isFalse();
    assertThat(titus.truth("test", "us-east-1", "fnord-main")).extracting(TitusServerGroupState::name)
        .containsExactly("fnord-main-v000");
  }

  @Test
  void aTasksIdDependsOnItsCorrelationIdNotOnWhatWasSubmittedBeforeIt() {
    SimulatedTitus other = SimulatedTitus.withDefaults(scheduler.clock());

    String aFirst = titus.submit(deploy("a")).id();
    titus.submit(deploy("b"));
    other.submit(deploy("b"));
    String aSecond = other.submit(deploy("a")).id();
    scheduler.advance(Duration.ofMinutes(10));
    String aAgain = titus.submit(deploy("a")).id();

    assertThat(aSecond).isEqualTo(aFirst);
    assertThat(aAgain).isNotEqualTo(aFirst);
    assertThat(titus.task(aAgain)).isPresent();
  }

  @Test
  void writesBecomeVisibleToReadsOnlyAfterTheReadLag() {
    titus.readLag(Duration.ofMinutes(5));
    titus.submit(deploy("c"));
    scheduler.advance(Duration.ofMinutes(4));

    assertThat(titus.truth("test", "us-east-1", "fnord-main")).hasSize(1);
    assertThat(titus.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();

    scheduler.advance(Duration.ofMinutes(5));
    assertThat(titus.serverGroups("test", "us-east-1", "fnord-main")).hasSize(1);
  }

  @Test
  void injectedReadFailuresLookLikeA5xx() {
    titus.failNextReads(1);

    assertThatThrownBy(() -> titus.serverGroups("test", "us-east-1", "fnord-main"))
        .isInstanceOf(TitusReadException.class).hasMessageContaining("503");
    assertThat(titus.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
  }

  @Test
  void aBatchJobRunsThenExitsWithTheChosenCode() {
    titus.containerExits("acme/widget:broken", 2);
    String ok = titus.runJob(new BatchJob("test", "us-east-1", "acme", "acme/widget:stable", null, Map.of()));
    String bad = titus.runJob(new BatchJob("test", "us-east-1", "acme", "acme/widget:broken", null, Map.of()));

    assertThat(titus.job(ok).orElseThrow().state()).isEqualTo(BatchJob.State.RUNNING);
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(titus.job(ok).orElseThrow().state()).isEqualTo(BatchJob.State.SUCCEEDED);
    assertThat(titus.job(bad).orElseThrow()).satisfies(s -> {
      assertThat(s.state()).isEqualTo(BatchJob.State.FAILED);
      assertThat(s.exitCode()).isEqualTo(2);
    });
  }

  @Test
  void tasksThatNeverBecomeHealthyFailTheDeployAfterTheWait() {
    titus.tasksNeverHealthy(true);
    TaskExecution t = titus.submit(deploy("c"));
    scheduler.advance(Duration.ofHours(1));

    assertThat(titus.task(t.id()).orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(TaskExecution.State.TERMINAL);
      assertThat(e.failure()).contains("did not become healthy");
    });
  }
}
