package dev.keel.resolvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyResolverTest {

  record Capacity(Integer min, Integer max) {}

  record LaunchConfiguration(String instanceType, Boolean ebsOptimized) {}

  record Cluster(String name, Locations locations, Capacity capacity, LaunchConfiguration launchConfiguration)
      implements Locatable {
    @Override
    public String id() {
      return locations.account() + ":" + name;
    }

    @Override
    public String application() {
      return "fnord";
    }
  }

  private static final ResourceKind CLUSTER = ResourceKind.parse("ec2/cluster@v1.1");
  private static final ConfigSpecCodec CODEC = new ConfigSpecCodec();

  private static Resource<Cluster> cluster(String environment, String account, int min, String instanceType) {
    return new Resource<>(CLUSTER, Map.of(Resource.ENVIRONMENT, environment),
        new Cluster("fnord-main", new Locations(account, null, null, Set.of(new RegionSpec("us-west-2"))),
            new Capacity(min, 10), new LaunchConfiguration(instanceType, null)));
  }

  private static final ResourceContext CONTEXT = new ResourceContext() {
    @Override
    public String application() {
      return "fnord";
    }

    @Override
    public String deliveryConfig() {
      return "fnord-manifest";
    }

    @Override
    public String environment() {
      return "production";
    }

    @Override
    public Instant deadline() {
      return Instant.MAX;
    }

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public ArtifactView artifacts() {
      return ArtifactView.empty();
    }
  };

  @SuppressWarnings("unchecked")
  private static Cluster resolve(PolicyResolver resolver, Resource<Cluster> r) {
    assertThat(resolver.supports(r)).isTrue();
    return (Cluster) resolver.resolve((Resource) r, CONTEXT).spec();
  }

  private static final List<Map<String, Object>> RULES = List.of(
      Map.of("name", "prod-capacity",
          "select", Map.of("kind", "ec2/cluster", "environment", "production"),
          "atLeast", Map.of("path", "/capacity/min", "value", 3)),
      Map.of("name", "retire-m4",
          "replace", Map.of("path", "/launchConfiguration/instanceType", "from", "m4.large", "to", "m5.large")),
      Map.of("name", "ebs",
          "select", Map.of("account", "prod"),
          "default", Map.of("path", "/launchConfiguration/ebsOptimized", "value", true)));

  @Test
  void everyProductionClusterGetsAtLeastThreeInstances() {
    PolicyResolver resolver = new PolicyResolver(PolicyRules.parse(RULES), CODEC);

    assertThat(resolve(resolver, cluster("production", "prod", 1, "m5.large")).capacity().min()).isEqualTo(3);
    assertThat(resolve(resolver, cluster("production", "prod", 5, "m5.large")).capacity().min()).isEqualTo(5);
    assertThat(resolve(resolver, cluster("test", "test", 1, "m4.large")).capacity().min()).isEqualTo(1);
  }

  @Test
  void aRetiredInstanceTypeIsReplacedEverywhere() {
    PolicyResolver resolver = new PolicyResolver(PolicyRules.parse(RULES), CODEC);

    assertThat(resolve(resolver, cluster("test", "test", 1, "m4.large")).launchConfiguration().instanceType())
        .isEqualTo("m5.large");
    assertThat(resolve(resolver, cluster("test", "test", 1, "r5.xlarge")).launchConfiguration().instanceType())
        .isEqualTo("r5.xlarge");
  }

  @Test
  void aDefaultFillsOnlyWhatTheSpecLeavesOut() {
    PolicyResolver resolver = new PolicyResolver(PolicyRules.parse(RULES), CODEC);

    assertThat(resolve(resolver, cluster("production", "prod", 3, "m5.large")).launchConfiguration().ebsOptimized()).isTrue();
    Resource<Cluster> explicit = new Resource<>(CLUSTER, Map.of(Resource.ENVIRONMENT, "production"),
        new Cluster("x", new Locations("prod", null, null, Set.of(new RegionSpec("us-west-2"))), new Capacity(3, 3),
            new LaunchConfiguration("m5.large", false)));
    assertThat(resolve(resolver, explicit).launchConfiguration().ebsOptimized()).isFalse();
  }

  @Test
  void resolvingIsPureAndLeavesAnUnaffectedResourceAsItIs() {
    PolicyResolver resolver = new PolicyResolver(PolicyRules.parse(RULES), CODEC);
    Resource<Cluster> r = cluster("production", "prod", 1, "m4.large");

    assertThat(resolve(resolver, r)).isEqualTo(resolve(resolver, r));
    Resource<Cluster> untouched = cluster("test", "test", 4, "c5.large");
    assertThat(resolver.resolve((Resource) untouched, CONTEXT)).isSameAs(untouched);
  }

  @Test
  void rulesWhoseValuesAreAllTextAsASpinnakerHostGivesThemWorkAsTypedOnes() {
    // kork resolves spinnaker.extensibility.plugins.dev.keel.resolvers.config from properties: every value a string.
    List<Map<String, Object>> asText = List.of(
        Map.of("name", "prod-capacity",
            "select", Map.of("kind", "ec2/cluster", "environment", "production"),
            "atLeast", Map.of("path", "/capacity/min", "value", "3")),
        Map.of("name", "ebs",
            "select", Map.of("account", "prod"),
            "default", Map.of("path", "/launchConfiguration/ebsOptimized", "value", "true")));
    PolicyResolver resolver = new PolicyResolver(PolicyRules.parse(asText), CODEC);

    Cluster resolved = resolve(resolver, cluster("production", "prod", 1, "m5.large"));

    assertThat(resolved.capacity().min()).isEqualTo(3);
    assertThat(resolved.launchConfiguration().ebsOptimized()).isTrue();
    assertThat(resolve(resolver, cluster("production", "prod", 5, "m5.large")).capacity().min()).isEqualTo(5);
  }

  @Test
  void invalidRulesAreRejectedWhenLoadedNamingEachRuleAndField() {
    List<Map<String, Object>> bad = List.of(
        Map.of("name", "a", "forse", Map.of("path", "/x", "value", 1)),
        Map.of("name", "b", "atLeast", Map.of("path", "capacity/min", "value", 3)),
        Map.of("name", "a", "atLeast", Map.of("path", "/capacity/min", "value", "three")),
        Map.of("select", Map.of("kind", "ec2 cluster", "region", "x"), "force", Map.of("path", "/x", "value", 1)));

    assertThatThrownBy(() -> PolicyRules.parse(bad)).isInstanceOfSatisfying(PolicyException.class, e ->
        assertThat(e.problems()).containsExactly(
            "policies[0] (a): unknown field 'forse'; use name, select and one of default, force, replace, atLeast",
            "policies[0] (a): needs exactly one action (default, force, replace or atLeast), found none",
            "policies[1] (b).atLeast.path: expected a JSON pointer such as /capacity/min",
            "policies[2] (a).name: another rule is already named 'a'",
            "policies[2] (a).atLeast.value: expected a number, got three",
            "policies[3].name: every rule needs a name",
            "policies[3].select: unknown criterion 'region'; use kind, application, environment or account",
            "policies[3].select.kind: kind 'ec2 cluster' should be group/kind, such as ec2/cluster"));
  }

  @Test
  void recommendationsFillOnlyAbsentValues() {
    RecommendationResolver resolver = new RecommendationResolver(
        List.of(new RecommendationResolver.Target(new ResourceSelector("ec2/cluster", null, null, null),
            "/launchConfiguration/instanceType")),
        (r, path) -> Optional.of("m6i.large"), CODEC);
    Resource<Cluster> withoutType = cluster("test", "test", 1, null);
    Resource<Cluster> withType = cluster("test", "test", 1, "r5.large");

    assertThat(((Cluster) resolver.resolve((Resource) withoutType, CONTEXT).spec()).launchConfiguration().instanceType())
        .isEqualTo("m6i.large");
    assertThat(((Cluster) resolver.resolve((Resource) withType, CONTEXT).spec()).launchConfiguration().instanceType())
        .isEqualTo("r5.large");
  }
}
