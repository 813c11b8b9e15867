package dev.keel.korkit;

import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Simulator;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * One of the Keel SDK's plugin zips, and what a kork service should make of it.
 *
 * @param id the plugin id, also the key of its {@code spinnaker.extensibility.plugins.<id>} properties
 * @param zip the zip's file name in {@code target/test-plugins}
 * @param pluginClass its {@code plugin.class}
 * @param extensionPoint an extension point of {@code keel-spi} some of its extensions implement
 * @param extensions extensions its index lists that implement {@code extensionPoint}
 * @param config what kork resolves from {@code spinnaker.extensibility.plugins.<id>.config} in {@code keel.yml}
 */
record KeelPlugin(String id, String zip, String pluginClass, Class<? extends ExtensionPoint> extensionPoint,
    List<String> extensions, Map<String, Object> config) {

  static final KeelPlugin EC2 = new KeelPlugin("dev.keel.ec2", "keel-handlers-ec2-plugin.zip", "dev.keel.ec2.Ec2Plugin",
      ResourceHandler.class, List.of("dev.keel.ec2.handler.Ec2ClusterHandler", "dev.keel.ec2.handler.SecurityGroupHandler",
          "dev.keel.ec2.handler.ClassicLoadBalancerHandler", "dev.keel.ec2.handler.ApplicationLoadBalancerHandler"),
      Map.of("simulated", "true", "imageAccount", "prod", "bakeAttempts", "5"));

  static final KeelPlugin TITUS = new KeelPlugin("dev.keel.titus", "keel-handlers-titus-plugin.zip",
      "dev.keel.titus.TitusPlugin", ResourceHandler.class, List.of("dev.keel.titus.handler.TitusClusterHandler"),
      Map.of("simulated", "true", "subnets", Map.of("titustest-us-east-1", "subnet-1,subnet-2")));

  static final KeelPlugin RESOLVERS = new KeelPlugin("dev.keel.resolvers", "keel-resolvers-plugin.zip",
      "dev.keel.resolvers.ResolversPlugin", Resolver.class, List.of("dev.keel.resolvers.ArtifactVersionResolver",
          "dev.keel.resolvers.PolicyResolver", "dev.keel.resolvers.RecommendationResolver"),
      Map.of("policies", List.of(Map.of("name", "prod-capacity",
              "select", Map.of("kind", "ec2/cluster", "environment", "production"),
              "atLeast", Map.of("path", "/capacity/min", "value", "3"))),
          "recommendations", List.of(Map.of("kind", "ec2/cluster", "path", "/capacity/desired"))));

  static final KeelPlugin EC2_SIM = new KeelPlugin("dev.keel.ec2-sim", "keel-ec2-sim-plugin.zip",
      "dev.keel.ec2.sim.Ec2SimPlugin", Simulator.class, List.of("dev.keel.ec2.sim.Ec2Simulator"), Map.of());

  static final KeelPlugin TITUS_SIM = new KeelPlugin("dev.keel.titus-sim", "keel-titus-sim-plugin.zip",
      "dev.keel.titus.sim.TitusSimPlugin", Simulator.class, List.of("dev.keel.titus.sim.TitusSimulator"), Map.of());

  static final KeelPlugin EXAMPLE_RESOLVERS = new KeelPlugin("dev.keel.example-resolvers",
      "keel-example-resolver-plugin-plugin.zip", "dev.keel.examples.resolver.ExampleResolversPlugin", Resolver.class,
      List.of("dev.keel.examples.resolver.CostCenterTagResolver"),
      Map.of("costCenters", Map.of("fnord", "cc-1234"), "defaultCostCenter", "4200",
          "kinds", List.of("ec2/cluster", "titus/cluster")));

  /** Every plugin zip the reactor builds for hosts (keel-test-plugin, made for the engine's own tests, is not one). */
  static final List<KeelPlugin> ALL = List.of(EC2, TITUS, RESOLVERS, EC2_SIM, TITUS_SIM, EXAMPLE_RESOLVERS);

  @Override
  public String toString() {
    return id;
  }
}
