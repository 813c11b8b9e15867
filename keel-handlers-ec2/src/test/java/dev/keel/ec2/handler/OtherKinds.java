package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LoadBalancerDependencies;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resources of the security group and load balancer kinds for the handler tests. */
final class OtherKinds {

  private OtherKinds() {}

  static Resource<SecurityGroupSpec> securityGroup() {
    return new Resource<>(Ec2Kinds.SECURITY_GROUP.kind(), Map.of(Resource.APPLICATION, "fnord"), new SecurityGroupSpec(
        new Moniker("fnord"), Fixtures.locations("us-east-1", "us-west-2"), "fnord's group", Set.of(
            new SecurityGroupRule("tcp", new PortRange(7001, 7002), null, null, null, null, null, null),
            new SecurityGroupRule("tcp", new PortRange(443, 443), null, null, null, "10.0.0.0/8", null, "corp")),
        Map.of()));
  }

  static Resource<ClassicLoadBalancerSpec> classic() {
    return new Resource<>(Ec2Kinds.CLASSIC_LOAD_BALANCER.kind(), Map.of(Resource.APPLICATION, "fnord"),
        new ClassicLoadBalancerSpec(new Moniker("fnord", "test", "vpc0"), Fixtures.locations("us-east-1"), null,
            new LoadBalancerDependencies(Set.of("fnord-elb")), null,
            Set.of(new ClassicLoadBalancerSpec.Listener("HTTP", 7001, "HTTP", 80, null)),
            new ClassicLoadBalancerSpec.HealthCheck("HTTP:7001/health", null, null, null, null), Map.of()));
  }

  static Resource<ApplicationLoadBalancerSpec> application() {
    return new Resource<>(Ec2Kinds.APPLICATION_LOAD_BALANCER.kind(), Map.of(Resource.APPLICATION, "fnord"),
        new ApplicationLoadBalancerSpec(new Moniker("fnord", "web", null), Fixtures.locations("us-east-1"), null,
            new LoadBalancerDependencies(Set.of("fnord-elb")), null,
            Set.of(new ApplicationLoadBalancerSpec.Listener(80, "HTTP", null, Set.of(),
                List.of(ApplicationLoadBalancerSpec.Action.forward(1, "fnord-web")))),
            Set.of(new ApplicationLoadBalancerSpec.TargetGroup("fnord-web", null, null, 8080, null, null, null, null,
                null, null, null, null, null, null)), Map.of()));
  }
}
