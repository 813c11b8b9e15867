package dev.keel.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LocationsTest {

  @Test
  void theVpcComesFromTheSubnetPurposeWhenNotGiven() {
    var regions = Set.of(new RegionSpec("us-west-2"));

    assertThat(new Locations("test", null, "internal (vpc5)", regions).effectiveVpc()).isEqualTo("vpc5");
    assertThat(new Locations("test", "vpc1", "internal (vpc5)", regions).effectiveVpc()).isEqualTo("vpc1");
    assertThat(new Locations("test", null, null, regions).effectiveVpc()).isEqualTo("vpc0");
  }

  @Test
  void regionsAreOrderedByName() {
    var l = new Locations("test", null, null, Set.of(new RegionSpec("us-west-2"), new RegionSpec("eu-west-1")));

    assertThat(l.regionNames()).containsExactly("eu-west-1", "us-west-2");
  }

  @Test
  void locationsNeedAnAccountAndDistinctRegions() {
    assertThatThrownBy(() -> new Locations(" ", null, null, Set.of(new RegionSpec("a")))).hasMessageContaining("account");
    assertThatThrownBy(() -> new Locations("t", null, null, Set.of())).hasMessageContaining("at least one region");
    assertThatThrownBy(() -> new Locations("t", null, null,
        Set.of(new RegionSpec("a"), new RegionSpec("a", Set.of("a1"))))).hasMessageContaining("listed twice");
  }

  @Test
  void resourcesAreIdentifiedWithoutTheirKindVersionAndComparedWithoutMetadata() {
    record Spec(String id) implements ResourceSpec {
      @Override
      public String application() {
        return "fnord";
      }
    }
    var v1 = new Resource<>(ResourceKind.parse("ec2/cluster@v1"), new Spec("test:fnord"));
    var v11 = new Resource<>(ResourceKind.parse("ec2/cluster@v1.1"), new Spec("test:fnord"));

    assertThat(v1.id()).isEqualTo("ec2:cluster:test:fnord").isEqualTo(v11.id());
    assertThat(v1.withMetadata("uid", "x")).isEqualTo(v1);
    assertThat(v1).isNotEqualTo(v11);
  }
}
