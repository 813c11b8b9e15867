package dev.keel.support.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.model.Moniker;
import org.junit.jupiter.api.Test;

class ServerGroupNamingTest {

  private final Moniker cluster = new Moniker("fnord", "main", null);

  @Test
  void theFirstServerGroupIsV000() {
    assertThat(ServerGroupNaming.next(cluster, null).serverGroupName()).isEqualTo("fnord-main-v000");
  }

  @Test
  void theSequenceFollowsTheNewestAndWrapsAt1000() {
    assertThat(ServerGroupNaming.next(cluster, "fnord-main-v041").serverGroupName()).isEqualTo("fnord-main-v042");
    assertThat(ServerGroupNaming.next(cluster, "fnord-main-v999").serverGroupName()).isEqualTo("fnord-main-v000");
  }

  @Test
  void aServerGroupOfAnotherClusterIsRejected() {
    assertThatThrownBy(() -> ServerGroupNaming.next(cluster, "fnord-test-v001")).hasMessageContaining("is not a server group");
  }
}
