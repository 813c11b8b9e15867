package dev.keel.ec2.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.sim.Ec2Simulator;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.PluginUnavailableException;
import dev.keel.spi.model.Moniker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin's extensions work on the host's EC2, or on the simulated one when configured so, never silently. */
class Ec2CloudsTest {

  /** A plugin context with host services, a configuration and the simulator plugins' clouds. */
  private static final class Context implements KeelContext {
    private final Map<Class<?>, Object> services;
    private final Map<String, Object> config;
    private final Map<Class<?>, Object> simulated;

    Context(Map<Class<?>, Object> services) {
      this(services, Map.of(), Map.of());
    }

    Context(Map<Class<?>, Object> services, Map<String, Object> config, Map<Class<?>, Object> simulated) {
      this.services = services;
      this.config = config;
      this.simulated = simulated;
    }

    @Override
    public Clock clock() {
      return Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public Map<String, Object> config() {
      return config;
    }

    @Override
    public <T> Optional<T> simulated(Class<T> type) {
      return Optional.ofNullable(simulated.get(type)).map(type::cast);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public ArtifactView artifacts() {
      throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public void publish(PluginEvent event) {}
  }

  @Test
  void withoutTheHostsCloudOrTheSimulatedSettingThePluginIsUnavailable() {
    assertThatThrownBy(() -> new Ec2ClusterHandler(new Context(Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessageContaining("plugin dev.keel.ec2 has no EC2 to talk to")
        .hasMessageContaining("KeelEngine.builder().service(Ec2Cloud.class, cloud)")
        .hasMessageContaining("dev.keel:keel-ec2-api")
        .hasMessageContaining("load the dev.keel.ec2-sim plugin and configure plugin dev.keel.ec2 with simulated: true");
  }

  @Test
  void whatTheSimulatorSeedsIsWhatTheClusterHandlerExports() {
    Ec2Simulator simulator = new Ec2Simulator(new Context(Map.of()));
    KeelContext context = new Context(Map.of(), Map.of("simulated", true), simulator.clouds());
    Ec2ClusterHandler handler = new Ec2ClusterHandler(context);

    simulator.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "us-west-2", "cluster",
        "fnord-main", "appVersion", "fnord-1.0.0"))));
    Ec2ClusterSpec exported = handler.export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test", new Moniker("fnord", "main",
        null), Set.of(), "me"));

    assertThat(Ec2Clouds.of(context)).isSameAs(simulator.clouds().get(Ec2Cloud.class));
    assertThat(exported.locations().regionNames()).containsExactly("us-west-2");
  }

  @Test
  void theHostsCloudIsTheOneTheExtensionsUse() {
    SimulatedEc2 hosts = SimulatedEc2.withDefaults(new Context(Map.of()).clock());
    Ec2Cloud real = (Ec2Cloud) java.lang.reflect.Proxy.newProxyInstance(Ec2Cloud.class.getClassLoader(),
        new Class<?>[] {Ec2Cloud.class}, (proxy, method, args) -> method.invoke(hosts, args));

    assertThat(Ec2Clouds.of(new Context(Map.of(Ec2Cloud.class, real)))).isSameAs(real);
  }
}
