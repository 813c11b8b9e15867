package dev.keel.support.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.PluginUnavailableException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudPortTest {

  /** A cloud port, as Ec2Cloud is one. */
  interface WidgetCloud {}

  private static final CloudPort<WidgetCloud> PORT = new CloudPort<>(WidgetCloud.class, "dev.keel.widgets",
      "Widgets", "dev.keel:keel-widgets-api", "dev.keel.widgets-sim");

  private static final WidgetCloud HOSTS = new WidgetCloud() {};
  private static final WidgetCloud SIMULATED = new WidgetCloud() {};

  private record Context(Map<String, Object> config, Map<Class<?>, Object> services, Map<Class<?>, Object> simulators)
      implements KeelContext {
    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public <T> Optional<T> simulated(Class<T> type) {
      return Optional.ofNullable(simulators.get(type)).map(type::cast);
    }

    @Override
    public ArtifactView artifacts() {
      return ArtifactView.empty();
    }

    @Override
    public void publish(PluginEvent event) {}
  }

  @Test
  void theHostsCloudIsUsedWhenTheConfigurationDoesNotAskForTheSimulatedOne() {
    var context = new Context(Map.of(), Map.of(WidgetCloud.class, HOSTS), Map.of(WidgetCloud.class, SIMULATED));

    assertThat(PORT.of(context)).isSameAs(HOSTS);
  }

  @Test
  void theSimulatedCloudIsUsedOnlyWhenTheConfigurationAsksForIt() {
    var context = new Context(Map.of("simulated", true), Map.of(WidgetCloud.class, HOSTS),
        Map.of(WidgetCloud.class, SIMULATED));

    assertThat(PORT.of(context)).isSameAs(SIMULATED);
    assertThat(PORT.of(new Context(Map.of("simulated", "true"), Map.of(), Map.of(WidgetCloud.class, SIMULATED))))
        .isSameAs(SIMULATED);
  }

  @Test
  void withNoCloudThePluginIsUnavailableAndTheMessageSaysHowToProvideOne() {
    assertThatThrownBy(() -> PORT.of(new Context(Map.of(), Map.of(), Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.widgets has no Widgets to talk to: register one with"
            + " KeelEngine.builder().service(WidgetCloud.class, cloud), implementing " + WidgetCloud.class.getName()
            + " from dev.keel:keel-widgets-api on the host's class path; or, to run on the simulated Widgets, load"
            + " the dev.keel.widgets-sim plugin and configure plugin dev.keel.widgets with simulated: true");
  }

  @Test
  void aLoadedSimulatorIsNeverUsedSilently() {
    assertThatThrownBy(() -> PORT.of(new Context(Map.of(), Map.of(), Map.of(WidgetCloud.class, SIMULATED))))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessageEndingWith("(a simulated Widgets is loaded, but dev.keel.widgets uses it only when configured so)");
  }

  @Test
  void askingForTheSimulatedCloudWithoutItsPluginSaysWhichPluginToLoad() {
    assertThatThrownBy(() -> PORT.of(new Context(Map.of("simulated", true), Map.of(WidgetCloud.class, HOSTS),
        Map.of()))).isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.widgets is configured with simulated: true but no simulated Widgets is loaded:"
            + " add the dev.keel.widgets-sim plugin zip to the plugins directory");
  }

  @Test
  void aSimulatedSettingThatIsNoBooleanIsRejected() {
    assertThatThrownBy(() -> PORT.of(new Context(Map.of("simulated", "yes"), Map.of(WidgetCloud.class, HOSTS),
        Map.of()))).isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.widgets setting simulated must be true or false, not 'yes'");
  }

  private static final WidgetCloud OVER_SPINNAKER = new WidgetCloud() {};

  private static final CloudPort<WidgetCloud> WITH_SPINNAKER = new CloudPort<>(WidgetCloud.class, "dev.keel.widgets",
      "Widgets", "dev.keel:keel-widgets-api", "dev.keel.widgets-sim", context -> OVER_SPINNAKER);

  @Test
  void cloudSpinnakerChoosesTheAdapterOverSpinnakerEvenBesideAHostsCloud() {
    var context = new Context(Map.of("cloud", "spinnaker"), Map.of(WidgetCloud.class, HOSTS),
        Map.of(WidgetCloud.class, SIMULATED));

    assertThat(WITH_SPINNAKER.of(context)).isSameAs(OVER_SPINNAKER);
    assertThat(WITH_SPINNAKER.spinnaker(context)).isTrue();
    assertThat(WITH_SPINNAKER.of(new Context(Map.of("cloud", "simulated"), Map.of(), Map.of(WidgetCloud.class,
        SIMULATED)))).isSameAs(SIMULATED);
  }

  @Test
  void anUnknownCloudOrSpinnakerWithoutAnAdapterIsAPluginFailureSayingWhatToWrite() {
    assertThatThrownBy(() -> WITH_SPINNAKER.of(new Context(Map.of("cloud", "aws"), Map.of(), Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.widgets setting cloud must be spinnaker, simulated or host, not 'aws'");
    assertThatThrownBy(() -> PORT.of(new Context(Map.of("cloud", "spinnaker"), Map.of(), Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessage("plugin dev.keel.widgets has no adapter over Spinnaker: remove cloud: spinnaker from its"
            + " configuration");
    assertThatThrownBy(() -> WITH_SPINNAKER.of(new Context(Map.of(), Map.of(), Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessageContaining("or, to talk to a real Spinnaker, configure plugin dev.keel.widgets with cloud:"
            + " spinnaker, clouddriverUrl and orcaUrl");
  }
}
