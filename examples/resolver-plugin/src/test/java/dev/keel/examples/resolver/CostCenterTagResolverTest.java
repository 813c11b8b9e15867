package dev.keel.examples.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The resolver on its own, with the engine's real {@link ConfigSpecCodec} and a stand-in cluster spec: the
 * resolver never sees the cloud plugins' classes, only the spec's plain values.
 */
class CostCenterTagResolverTest {

  /** A cluster spec shaped like ec2/cluster's and titus/cluster's where it matters: a top-level tags map. */
  record Cluster(String name, String application, int size, @Nullable Map<String, String> tags) implements ResourceSpec {
    @Override
    public String id() {
      return name;
    }
  }

  private static final ConfigSpecCodec CODEC = new ConfigSpecCodec();

  private static final CostCenters COST_CENTERS = CostCenters.parse(Map.of(
      "costCenters", Map.of("fnord", "cc-1234", "bamboozle", 4711)));

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
      return "test";
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

  private static Resource<ResourceSpec> cluster(String kind, String application, @Nullable Map<String, String> tags) {
    return new Resource<>(ResourceKind.parse(kind), new Cluster(application + "-main", application, 2, tags));
  }

  private static Cluster resolve(CostCenterTagResolver resolver, Resource<ResourceSpec> resource) {
    assertThat(resolver.supports(resource)).isTrue();
    return (Cluster) resolver.resolve(resource, CONTEXT).spec();
  }

  @Test
  void aClusterWithoutTagsGetsItsApplicationsCostCenter() {
    CostCenterTagResolver resolver = new CostCenterTagResolver(COST_CENTERS, CODEC);

    Cluster resolved = resolve(resolver, cluster("ec2/cluster@v1.1", "fnord", null));

    assertThat(resolved).isEqualTo(new Cluster("fnord-main", "fnord", 2, Map.of("costCenter", "cc-1234")));
  }

  @Test
  void theTagJoinsTheClustersOtherTags() {
    CostCenterTagResolver resolver = new CostCenterTagResolver(COST_CENTERS, CODEC);

    assertThat(resolve(resolver, cluster("titus/cluster@v1", "bamboozle", Map.of("team", "delivery"))).tags())
        .containsExactlyInAnyOrderEntriesOf(Map.of("team", "delivery", "costCenter", "4711"));
  }

  @Test
  void aCostCenterTheSpecSetsItselfIsKept() {
    CostCenterTagResolver resolver = new CostCenterTagResolver(COST_CENTERS, CODEC);
    Resource<ResourceSpec> ownTag = cluster("ec2/cluster@v1.1", "fnord", Map.of("costCenter", "cc-9999"));

    assertThat(resolver.resolve(ownTag, CONTEXT)).isSameAs(ownTag);
  }

  @Test
  void onlyTheConfiguredKindsAreTaggedAtAnyVersion() {
    CostCenterTagResolver resolver = new CostCenterTagResolver(COST_CENTERS, CODEC);

    assertThat(resolver.supports(cluster("ec2/cluster@v1", "fnord", null))).isTrue();
    assertThat(resolver.supports(cluster("titus/cluster@v1", "fnord", null))).isTrue();
    assertThat(resolver.supports(cluster("ec2/security-group@v1", "fnord", null))).isFalse();

    CostCenterTagResolver queues = new CostCenterTagResolver(
        CostCenters.parse(Map.of("costCenters", Map.of("fnord", "cc-1"), "kinds", List.of("aws/queue"))), CODEC);
    assertThat(queues.supports(cluster("ec2/cluster@v1.1", "fnord", null))).isFalse();
    assertThat(resolve(queues, cluster("aws/queue@v2", "fnord", null)).tags()).containsEntry("costCenter", "cc-1");
  }

  @Test
  void anUnlistedApplicationGetsTheDefaultOrIsLeftAlone() {
    CostCenterTagResolver withoutDefault = new CostCenterTagResolver(COST_CENTERS, CODEC);
    CostCenterTagResolver withDefault = new CostCenterTagResolver(CostCenters.parse(Map.of(
        "costCenters", Map.of("fnord", "cc-1234"), "defaultCostCenter", "cc-0000", "tag", "billing")), CODEC);

    assertThat(withoutDefault.supports(cluster("ec2/cluster@v1.1", "stranger", null))).isFalse();
    assertThat(resolve(withDefault, cluster("ec2/cluster@v1.1", "stranger", null)).tags())
        .isEqualTo(Map.of("billing", "cc-0000"));
  }

  @Test
  void resolvingTwiceGivesTheSameSpec() {
    CostCenterTagResolver resolver = new CostCenterTagResolver(COST_CENTERS, CODEC);
    Resource<ResourceSpec> once = resolver.resolve(cluster("ec2/cluster@v1.1", "fnord", null), CONTEXT);

    assertThat(resolver.resolve(once, CONTEXT)).isSameAs(once);
  }

  @Test
  void aWrongConfigurationIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> CostCenters.parse(Map.of("costCentres", Map.of())))
        .hasMessageContaining("Unknown setting 'costCentres'");
    assertThatThrownBy(() -> CostCenters.parse(Map.of("costCenters", List.of("cc-1"))))
        .hasMessageContaining("costCenters must map applications to cost centers");
    assertThatThrownBy(() -> CostCenters.parse(Map.of("costCenters", Map.of("fnord", " "))))
        .hasMessageContaining("costCenters.fnord must be a non-blank string");
    assertThatThrownBy(() -> CostCenters.parse(Map.of("kinds", List.of("ec2/cluster@v1.1"))))
        .hasMessageContaining("'ec2/cluster@v1.1' is not a group/kind");
  }
}
