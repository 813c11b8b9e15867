package dev.keel.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.PluginUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpinnakerConfigTest {

  @Test
  void settingsAreReadWithKeelsDefaults() {
    SpinnakerConfig config = SpinnakerConfig.from(Map.of("cloud", "spinnaker", "clouddriverUrl", "http://cd:7002",
        "orcaUrl", "https://orca:8083/", "readTimeout", "10s", "opsTimeout", "PT45S", "connectTimeout", 1500,
        "baseImages", Map.of("bionic", Map.of("release", "bionicbase-release-2"))), "dev.keel.ec2", true);

    assertThat(config.clouddriverUrl()).isEqualTo(URI.create("http://cd:7002"));
    assertThat(config.orcaUrl()).isEqualTo(URI.create("https://orca:8083/"));
    assertThat(config.user()).isEqualTo("keel@spinnaker.io");
    assertThat(config.userOrigin()).isEqualTo("keel");
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.opsTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.readAttempts()).isEqualTo(3);
    assertThat(config.baseImages()).containsEntry("bionic", Map.of("release", "bionicbase-release-2"));
  }

  @Test
  void aMissingUrlIsAPluginFailureSayingWhatToSetOrHowAHostHandsInATransport() {
    assertThatThrownBy(() -> SpinnakerConfig.from(Map.of("cloud", "spinnaker", "orcaUrl", "http://orca:8083"),
        "dev.keel.ec2", true)).isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.ec2 with cloud: spinnaker needs clouddriverUrl (such as http://clouddriver:7002),"
            + " or a host that registers an HttpTransport with KeelEngine.builder().service(HttpTransport.class,"
            + " transport)");
    assertThat(SpinnakerConfig.from(Map.of("cloud", "spinnaker"), "dev.keel.ec2", false).clouddriverUrl()).isNull();
  }

  @Test
  void aWrongValueNamesTheSettingAndWhatItTakes() {
    assertThatThrownBy(() -> SpinnakerConfig.from(Map.of("clouddriverUrl", "clouddriver:7002", "orcaUrl",
        "http://o"), "dev.keel.titus", true)).hasMessage("plugin dev.keel.titus with cloud: spinnaker: setting"
            + " clouddriverUrl must be an http or https URL, not 'clouddriver:7002'");
    assertThatThrownBy(() -> SpinnakerConfig.from(Map.of("readTimeout", "soon"), "dev.keel.titus", false))
        .hasMessage("plugin dev.keel.titus with cloud: spinnaker: setting readTimeout must be a duration such as 30s,"
            + " 500ms or PT30S, not 'soon'");
    assertThatThrownBy(() -> SpinnakerConfig.from(Map.of("readAttempts", 0), "dev.keel.titus", false))
        .hasMessage("plugin dev.keel.titus with cloud: spinnaker: readAttempts must be at least 1, got 0");
  }

  @Test
  void orcasDefaultSecurityGroupsAreOrcasOwnUnlessConfiguredAsAListACommaSeparatedStringOrNone() {
    assertThat(SpinnakerConfig.from(Map.of(), "dev.keel.ec2", false).defaultSecurityGroups())
        .containsExactly("nf-infrastructure", "nf-datacenter");
    assertThat(SpinnakerConfig.from(Map.of("defaultSecurityGroups", java.util.List.of("corp-base", "corp-dc")),
        "dev.keel.ec2", false).defaultSecurityGroups()).containsExactly("corp-base", "corp-dc");
    assertThat(SpinnakerConfig.from(Map.of("defaultSecurityGroups", "corp-base, corp-dc"), "dev.keel.ec2", false)
        .defaultSecurityGroups()).containsExactly("corp-base", "corp-dc");
    assertThat(SpinnakerConfig.from(Map.of("defaultSecurityGroups", Map.of("1", "corp-dc", "0", "corp-base")),
        "dev.keel.ec2", false).defaultSecurityGroups()).containsExactly("corp-base", "corp-dc");
    assertThat(SpinnakerConfig.from(Map.of("defaultSecurityGroups", java.util.List.of()), "dev.keel.ec2", false)
        .defaultSecurityGroups()).isEmpty();
    assertThatThrownBy(() -> SpinnakerConfig.from(Map.of("defaultSecurityGroups", "corp-base,,corp-dc"),
        "dev.keel.titus", false)).hasMessage("plugin dev.keel.titus with cloud: spinnaker: setting"
            + " defaultSecurityGroups must be a list of security group names (or a comma-separated string; [] for"
            + " none), not 'corp-base,,corp-dc'");
  }
}
