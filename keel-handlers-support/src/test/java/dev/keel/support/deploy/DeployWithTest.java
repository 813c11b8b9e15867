package dev.keel.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeployWithTest {

  @Test
  void omittedMeansRedBlackWithKeelDefaults() {
    assertThat(DeployWith.redBlack().toStrategy()).isEqualTo(DeployStrategy.RedBlack.DEFAULT);
  }

  @Test
  void eachStrategyNameMapsToItsStrategy() {
    assertThat(DeployWith.of("highlander").toStrategy()).isInstanceOf(DeployStrategy.Highlander.class);
    assertThat(DeployWith.of("none").toStrategy()).isInstanceOf(DeployStrategy.None.class);
    assertThat(DeployWith.of("rolling-push").toStrategy())
        .isEqualTo(new DeployStrategy.RollingPush(DeployHealth.AUTO, true, null, null, null));
  }

  @Test
  void unknownStrategyIsRejectedWithTheChoices() {
    assertThatThrownBy(() -> DeployWith.of("blue-green")).hasMessageContaining("red-black, highlander, none, rolling-push");
  }

  @Test
  void redBlackPropertiesOnHighlanderAreRejected() {
    assertThatThrownBy(() -> new DeployWith("highlander", null, true, null, null, null, null, null, null, null, null,
        null, null)).hasMessageContaining("does not take red-black properties");
  }

  @Test
  void aStaggeredRegionNeedsHoursOrPause() {
    assertThatThrownBy(() -> new StaggeredRegion("us-east-1", null, null)).hasMessageContaining("needs 'hours' or 'pauseTime'");
    assertThatThrownBy(() -> new StaggeredRegion("us-east-1", "9 to 5", null)).hasMessageContaining("\"9-17\"");
  }

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

  @Test
  void hourWindowsMayWrapMidnight() {
    assertThat(HourWindow.parse("22-4").contains(23)).isTrue();
    assertThat(HourWindow.parse("22-4").contains(12)).isFalse();
  }
}
