package dev.keel.titus.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.sim.SimulatedTitus;
import dev.keel.titus.sim.TitusSimulator;
import dev.keel.titus.spec.TitusClusterSpec;
import dev.keel.titus.spec.TitusKinds;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.model.Moniker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every extension of the plugin built with one context works on one cloud. */
class TitusCloudsTest {

  /** A plugin context with no host services. */
  private static final class Context implements KeelContext {
    private final Map<Class<?>, Object> services;

    Context(Map<Class<?>, Object> services) {
      this.services = services;
    }

    @Override
    public Clock clock() {
      return Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public Map<String, Object> config() {
      return Map.of();
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
  void oneContextGetsOneSimulatedCloudAndAnotherContextAnother() {
    KeelContext context = new Context(Map.of());

    TitusCloud first = TitusClouds.of(context);
    assertThat(first).isInstanceOf(SimulatedTitus.class).isSameAs(TitusClouds.of(context));
    assertThat(TitusClouds.of(new Context(Map.of()))).isNotSameAs(first);
  }

  @Test
  void whatTheSimulatorSeedsIsWhatTheClusterHandlerExports() {
    KeelContext context = new Context(Map.of());
    TitusSimulator simulator = new TitusSimulator(context);
    TitusClusterHandler handler = new TitusClusterHandler(context);

    simulator.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "us-west-2", "cluster",
        "fnord-main", "image", "illuminati/fnord:1.0.0"))));
    TitusClusterSpec exported = handler.export(new Exportable(TitusKinds.CLUSTER.kind(), "test", new Moniker("fnord",
        "main", null), Set.of(), "me"));

    assertThat(simulator.active()).isTrue();
    assertThat(exported.locations().regionNames()).containsExactly("us-west-2");
  }

  @Test
  void theHostsCloudMakesTheSimulatorInactive() {
    SimulatedTitus hosts = SimulatedTitus.withDefaults(new Context(Map.of()).clock());
    TitusCloud real = (TitusCloud) java.lang.reflect.Proxy.newProxyInstance(TitusCloud.class.getClassLoader(),
        new Class<?>[] {TitusCloud.class}, (proxy, method, args) -> method.invoke(hosts, args));

    assertThat(TitusClouds.of(new Context(Map.of(TitusCloud.class, real)))).isSameAs(real);
    assertThat(new TitusSimulator(new Context(Map.of(TitusCloud.class, real))).active()).isFalse();
  }
}
