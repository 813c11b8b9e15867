package dev.keel.cloud.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void hourWindowsMayWrapMidnight() {
    assertThat(HourWindow.parse("22-4").contains(23)).isTrue();
    assertThat(HourWindow.parse("22-4").contains(12)).isFalse();
  }
}
