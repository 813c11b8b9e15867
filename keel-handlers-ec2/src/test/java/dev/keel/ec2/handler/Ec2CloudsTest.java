package dev.keel.ec2.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.sim.Ec2Simulator;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.ec2.spec.ClusterSpec;
import dev.keel.ec2.spec.Ec2Kinds;
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
class Ec2CloudsTest {

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

    Ec2Cloud first = Ec2Clouds.of(context);
    assertThat(first).isInstanceOf(SimulatedEc2.class).isSameAs(Ec2Clouds.of(context));
    assertThat(Ec2Clouds.of(new Context(Map.of()))).isNotSameAs(first);
  }

  @Test
  void whatTheSimulatorSeedsIsWhatTheClusterHandlerExports() {
    KeelContext context = new Context(Map.of());
    Ec2Simulator simulator = new Ec2Simulator(context);
    ClusterHandler handler = new ClusterHandler(context);

    simulator.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "us-west-2", "cluster",
        "fnord-main", "appVersion", "fnord-1.0.0"))));
    ClusterSpec exported = handler.export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test", new Moniker("fnord", "main",
        null), Set.of(), "me"));

    assertThat(simulator.active()).isTrue();
    assertThat(exported.locations().regionNames()).containsExactly("us-west-2");
  }

  @Test
  void theHostsCloudMakesTheSimulatorInactive() {
    SimulatedEc2 hosts = SimulatedEc2.withDefaults(new Context(Map.of()).clock());
    Ec2Cloud real = (Ec2Cloud) java.lang.reflect.Proxy.newProxyInstance(Ec2Cloud.class.getClassLoader(),
        new Class<?>[] {Ec2Cloud.class}, (proxy, method, args) -> method.invoke(hosts, args));

    assertThat(Ec2Clouds.of(new Context(Map.of(Ec2Cloud.class, real)))).isSameAs(real);
    assertThat(new Ec2Simulator(new Context(Map.of(Ec2Cloud.class, real))).active()).isFalse();
  }
}
