package dev.keel.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.spi.diff.DiffKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark model, Keel's EC2 cluster as {@code Map<region, ServerGroup>}, and its scenarios. The
 * ignored fields are the ones Keel ignores: the server group name, the IAM role, the policy name.
 */
public final class ClusterFixture {

  private ClusterFixture() {}

  static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();
  static final TypeReference<Map<String, ServerGroup>> CLUSTER = new TypeReference<>() {};
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2");

  /** The model. */
  public record ServerGroup(@DiffIgnore String name, Location location, LaunchConfiguration launchConfiguration,
      Capacity capacity, Dependencies dependencies, Health health, Scaling scaling, Map<String, String> tags) {}

  /** Where. */
  public record Location(String account, String region, Set<String> availabilityZones, String subnet) {}

  /** How instances are launched. */
  public record LaunchConfiguration(String image, String appVersion, String instanceType, boolean ebsOptimized,
      @DiffIgnore String iamRole, String keyPair, String instanceMonitoring) {}

  /** How many. */
  public record Capacity(int min, int max, Integer desired) {}

  /** What it needs. */
  public record Dependencies(Set<String> securityGroupNames, Set<String> loadBalancerNames,
      Set<String> targetGroups) {}

  /** Health settings, with Durations. */
  public record Health(Duration cooldown, Duration warmup, String healthCheckType, Set<String> terminationPolicies) {}

  /** Scaling policies, a keyed set. */
  public record Scaling(Set<TargetTrackingPolicy> targetTrackingPolicies) {}

  /** A policy, keyed by metric, whose name the cloud makes up. */
  public record TargetTrackingPolicy(@DiffIgnore String name, @DiffKey String metric, double targetValue,
      Duration warmup, boolean disableScaleIn) {}

  /** A JaVers root: JaVers mis-types a top-level Map, so it gets a typed holder (diff-design §2.1). */
  public record Cluster(Map<String, ServerGroup> regions) {}

  /** What differs between desired and current. */
  public enum Scenario {
    /** Only ignored fields differ; current is a JSON round trip with HashSets. */
    EQUAL,
    /** One region's desired capacity. */
    ONE_LEAF,
    /** One region's CPU policy target. */
    KEYED_ELEMENT,
    /** Every set in current iterates in another order; nothing else differs. */
    SET_REORDER,
    /** Every region's image. */
    ALL_REGIONS_IMAGE
  }

  static Map<String, ServerGroup> cluster(int tags, String ignoredSuffix, boolean reversedSets, String image) {
    Map<String, ServerGroup> out = new TreeMap<>();
    for (String region : REGIONS) {
      Map<String, String> tagMap = new LinkedHashMap<>();
      for (int i = 0; i < tags; i++) {
        tagMap.put("tag-" + i, "value-" + i);
      }
      out.put(region, new ServerGroup("fnord-main-v001" + ignoredSuffix,
          new Location("test", region, set(reversedSets, region + "a", region + "b", region + "c"), "internal (vpc0)"),
          new LaunchConfiguration(image, "fnord-1.0.0-h1.b1c2d3e", "m5.large", true, "fnordInstanceProfile" + ignoredSuffix,
              "nf-keypair-test", "enabled"),
          new Capacity(1, 6, 4),
          new Dependencies(set(reversedSets, "fnord", "fnord-elb", "nf-infra"), set(reversedSets, "fnord-lb"),
              set(reversedSets, "fnord-tg-1", "fnord-tg-2")),
          new Health(Duration.ofSeconds(10), Duration.ofMinutes(5), "EC2", set(reversedSets, "OldestInstance", "Default")),
          new Scaling(set(reversedSets,
              new TargetTrackingPolicy("policy-cpu" + ignoredSuffix, "CPUUtilization", 50.0, Duration.ofMinutes(5), false),
              new TargetTrackingPolicy("policy-net" + ignoredSuffix, "NetworkIn", 1000.0, Duration.ofMinutes(5), false),
              new TargetTrackingPolicy("policy-req" + ignoredSuffix, "RequestCount", 200.0, Duration.ofMinutes(3), true))),
          tagMap));
    }
    return out;
  }

  @SafeVarargs
  private static <T> Set<T> set(boolean reversed, T... items) {
    List<T> list = new ArrayList<>();
    for (T item : items) {
      list.add(item);
    }
    if (reversed) {
      Collections.reverse(list);
    }
    return new LinkedHashSet<>(list);
  }

  static Map<String, ServerGroup> desired(int tags) {
    return cluster(tags, "", false, "ami-0123456789");
  }

  static Map<String, ServerGroup> current(int tags, Scenario scenario) {
    if (scenario == Scenario.SET_REORDER) {
      return cluster(tags, "", true, "ami-0123456789");
    }
    String image = scenario == Scenario.ALL_REGIONS_IMAGE ? "ami-9876543210" : "ami-0123456789";
    Map<String, ServerGroup> current = roundTrip(cluster(tags, "-cloud", false, image));
    ServerGroup sg = current.get("us-west-2");
    if (scenario == Scenario.ONE_LEAF) {
      current.put("us-west-2", new ServerGroup(sg.name(), sg.location(), sg.launchConfiguration(), new Capacity(1, 6, 6),
          sg.dependencies(), sg.health(), sg.scaling(), sg.tags()));
    } else if (scenario == Scenario.KEYED_ELEMENT) {
      Set<TargetTrackingPolicy> policies = new LinkedHashSet<>();
      for (TargetTrackingPolicy p : sg.scaling().targetTrackingPolicies()) {
        policies.add(p.metric().equals("CPUUtilization")
            ? new TargetTrackingPolicy(p.name(), p.metric(), 60.0, p.warmup(), p.disableScaleIn()) : p);
      }
      current.put("us-west-2", new ServerGroup(sg.name(), sg.location(), sg.launchConfiguration(), sg.capacity(),
          sg.dependencies(), sg.health(), new Scaling(policies), sg.tags()));
    }
    return current;
  }

  /** A JSON round trip: fresh instances, HashSets and LinkedHashMaps, as from a cloud API. */
  static Map<String, ServerGroup> roundTrip(Map<String, ServerGroup> cluster) {
    try {
      return MAPPER.readValue(MAPPER.writeValueAsBytes(cluster), CLUSTER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of JSON nodes (objects, arrays and values) of a model. */
  static int nodes(Object model) {
    return count(MAPPER.valueToTree(model));
  }

  private static int count(JsonNode n) {
    int c = 1;
    for (JsonNode child : n) {
      c += count(child);
    }
    return c;
  }
}
