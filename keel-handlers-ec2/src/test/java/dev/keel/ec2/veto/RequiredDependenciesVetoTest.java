package dev.keel.ec2.veto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.handler.OtherKindsAccess;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredDependenciesVetoTest {

  private final SimulatedEc2 cloud = SimulatedEc2.withDefaults(
      Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC));
  private final RequiredDependenciesVeto veto = new RequiredDependenciesVeto(cloud);

  private static Resource<Ec2ClusterSpec> cluster(ClusterDependencies deps) {
    return new Resource<>(Ec2Kinds.CLUSTER.kind(), new Ec2ClusterSpec(new Moniker("fnord"), null, null, null, null,
        new Locations("test", null, null, Set.of(new RegionSpec("us-east-1"))), null, null, deps, null, null, null,
        Map.of()));
  }

  @Test
  void aMissingTargetGroupAndLoadBalancerHoldTheClusterBackAsMissingDependency() {
    VetoResponse r = veto.check(cluster(new ClusterDependencies(Set.of("fnord-web"), null, Set.of("fnord-web"))), null);
    assertThat(r.allowed()).isFalse();
    assertThat(r.suggestedStatus()).isEqualTo(ResourceStatus.MISSING_DEPENDENCY);
    assertThat(r.vetoArtifact()).isFalse();
    assertThat(r.message()).contains("load balancer fnord-web in test/us-east-1", "target group fnord-web");
  }

  @Test
  void anApplicationLoadBalancerNamedAsALoadBalancerAndItsTargetGroupSatisfyTheCluster() {
    var alb = OtherKindsAccess.application().spec();
    cloud.externalApply(new Ec2Operation.UpsertApplicationLoadBalancer(new ApplicationLoadBalancer("fnord-web",
        new Location("test", "us-east-1", "vpc0", "internal (vpc0)", Set.of()), true, Set.of(), Duration.ofSeconds(60),
        alb.listeners(), alb.targetGroups()), true));

    assertThat(veto.check(cluster(new ClusterDependencies(Set.of("fnord-web"), null, Set.of("fnord-web"))), null)
        .allowed()).isTrue();
  }

  @Test
  void aLoadBalancerDoesNotWaitForItsOwnElbGroup() {
    assertThat(veto.check(OtherKindsAccess.classic(), null).allowed()).isTrue();
  }

  @Test
  void anHttpsListenerWaitsForItsCertificate() {
    var alb = OtherKindsAccess.application();
    var https = new dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.Listener(443, "HTTPS", "fnord-cert", Set.of(),
        alb.spec().listeners().iterator().next().defaultActions());
    var spec = alb.spec().with(alb.spec().locations(), alb.spec().dependencies(), Set.of(https));
    var resource = alb.withSpec(spec);

    assertThat(veto.check(resource, null).message()).contains("certificate fnord-cert in test");
    cloud.catalog().addCertificate("test", "fnord-cert");
    assertThat(veto.check(resource, null).allowed()).isTrue();
  }
}
