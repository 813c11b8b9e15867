package dev.keel.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.deploy.HourWindow;
import dev.keel.cloud.api.deploy.StaggeredRegion;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaggerPlanTest {

  @Test
  void staggeredRegionsGoInOrderThenTheRestInParallel() {
    var strategy = new DeployWith("red-black", null, null, null, null, null, null, null,
        List.of(new StaggeredRegion("us-west-2", null, Duration.ofMinutes(5)), new StaggeredRegion("us-east-1", "9-17", null)),
        null, null, null, null).toStrategy();
    assertThat(StaggerPlan.waves(Set.of("eu-west-1", "us-east-1", "us-west-2", "ap-south-1"), strategy)).containsExactly(
        new DeployWave("us-west-2", null, null, Duration.ofMinutes(5)),
        new DeployWave("us-east-1", "us-west-2", new HourWindow(9, 17), null),
        new DeployWave("ap-south-1", "us-east-1", null, null),
        new DeployWave("eu-west-1", "us-east-1", null, null));
  }

  @Test
  void onlyRegionsThatNeedADeployAreStaggered() {
    var strategy = new DeployWith("red-black", null, null, null, null, null, null, null,
        List.of(new StaggeredRegion("us-west-2", null, Duration.ofMinutes(5)), new StaggeredRegion("us-east-1", "9-17", null)),
        null, null, null, null).toStrategy();
    assertThat(StaggerPlan.waves(Set.of("us-east-1"), strategy))
        .containsExactly(new DeployWave("us-east-1", null, new HourWindow(9, 17), null));
  }
}
