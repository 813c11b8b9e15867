package dev.keel.titus.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.PluginUnavailableException;
import dev.keel.spi.model.Moniker;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.sim.SimulatedTitus;
import dev.keel.titus.sim.TitusSimulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin's extensions work on the host's Titus, or on the simulated one when configured so, never silently. */
class TitusCloudsTest {

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
    assertThatThrownBy(() -> new TitusClusterHandler(new Context(Map.of())))
        .isInstanceOf(PluginUnavailableException.class)
        .hasMessageContaining("plugin dev.keel.titus has no Titus to talk to")
        .hasMessageContaining("KeelEngine.builder().service(TitusCloud.class, cloud)")
        .hasMessageContaining("dev.keel:keel-titus-api")
        .hasMessageContaining("load the dev.keel.titus-sim plugin and configure plugin dev.keel.titus with simulated: true");
  }

  @Test
  void whatTheSimulatorSeedsIsWhatTheClusterHandlerExports() {
    TitusSimulator simulator = new TitusSimulator(new Context(Map.of()));
    KeelContext context = new Context(Map.of(), Map.of("simulated", true), simulator.clouds());
    TitusClusterHandler handler = new TitusClusterHandler(context);

    simulator.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "us-west-2", "cluster",
        "fnord-main", "image", "illuminati/fnord:1.0.0"))));
    TitusClusterSpec exported = handler.export(new Exportable(TitusKinds.CLUSTER.kind(), "test", new Moniker("fnord",
        "main", null), Set.of(), "me"));

    assertThat(TitusClouds.of(context)).isSameAs(simulator.clouds().get(TitusCloud.class));
    assertThat(exported.locations().regionNames()).containsExactly("us-west-2");
  }

  @Test
  void theHostsCloudIsTheOneTheExtensionsUse() {
    SimulatedTitus hosts = SimulatedTitus.withDefaults(new Context(Map.of()).clock());
    TitusCloud real = (TitusCloud) java.lang.reflect.Proxy.newProxyInstance(TitusCloud.class.getClassLoader(),
        new Class<?>[] {TitusCloud.class}, (proxy, method, args) -> method.invoke(hosts, args));

    assertThat(TitusClouds.of(new Context(Map.of(TitusCloud.class, real)))).isSameAs(real);
  }
}
