package dev.keel.engine.diff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.spi.diff.DiffKey;
import dev.keel.spi.diff.Sensitive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Keel-like EC2 cluster model, {@code Map<region, ServerGroup>}, used by the diff tests. */
final class ClusterModel {

  private ClusterModel() {}

  static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();
  static final TypeReference<Map<String, ServerGroup>> CLUSTER = new TypeReference<>() {};

  record ServerGroup(
      @DiffIgnore String name,
      Location location,
      LaunchConfiguration launchConfiguration,
      Capacity capacity,
      Dependencies dependencies,
      Health health,
      Scaling scaling,
      Map<String, String> tags,
      Map<String, Object> metadata,
      List<Listener> listeners,
      @Sensitive String userData) {}

  record Listener(@DiffKey int port, @DiffKey String protocol, String certificate, @DiffIgnore String arn) {}

  record Location(String account, String region, Set<String> availabilityZones, String subnet) {}

  record LaunchConfiguration(String image, String appVersion, String instanceType, boolean ebsOptimized,
      @DiffIgnore String iamRole, String keyPair, List<String> args, Set<BlockDevice> blockDevices) {}

  /** A set element without a key: matched by its compared fields, whatever its ignored snapshot id. */
  record BlockDevice(String device, int sizeGb, @DiffIgnore String snapshotId) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = DefaultCapacity.class, name = "default"),
      @JsonSubTypes.Type(value = AutoScalingCapacity.class, name = "autoscaling")})
  sealed interface Capacity permits DefaultCapacity, AutoScalingCapacity {}

  record DefaultCapacity(int min, int max, Integer desired) implements Capacity {}

  record AutoScalingCapacity(int min, int max, Integer desired) implements Capacity {}

  record Dependencies(Set<String> securityGroupNames, Set<String> loadBalancerNames) {}

  record Health(Duration cooldown, Duration warmup, Set<String> terminationPolicies) {}

  record Scaling(Set<TargetTrackingPolicy> targetTrackingPolicies, List<StepPolicy> stepPolicies) {}

  record TargetTrackingPolicy(@DiffIgnore String name, @DiffKey String metric, double targetValue,
      Duration warmup) {}

  record StepPolicy(String metric, int threshold, int adjustment) {}

  static ServerGroup serverGroup(String region, int tags) {
    Map<String, String> tagMap = new java.util.LinkedHashMap<>();
    for (int i = 0; i < tags; i++) {
      tagMap.put("tag" + i, "value" + i);
    }
    return new ServerGroup("fnord-main-v001",
        new Location("test", region, Set.of(region + "a", region + "b", region + "c"), "internal"),
        new LaunchConfiguration("ami-123", "fnord-1.0.0", "m5.large", true, "fnordInstanceProfile", "nf-keypair",
            List.of("-Xmx2g", "-server"),
            Set.of(new BlockDevice("/dev/sda", 40, "snap-1"), new BlockDevice("/dev/sdb", 100, "snap-2"))),
        new DefaultCapacity(1, 6, 4),
        new Dependencies(Set.of("fnord", "fnord-elb"), Set.of("fnord-lb")),
        new Health(Duration.ofSeconds(10), Duration.ofMinutes(5), Set.of("OldestInstance")),
        new Scaling(Set.of(
            new TargetTrackingPolicy("policy-cpu", "CPUUtilization", 50.0, Duration.ofMinutes(5)),
            new TargetTrackingPolicy("policy-net", "NetworkIn", 1000.0, Duration.ofMinutes(5))),
            List.of(new StepPolicy("Latency", 100, 1))),
        tagMap,
        Map.of("owner", "keel", "weight", 2),
        List.of(new Listener(443, "HTTPS", "cert-1", "arn:1"), new Listener(80, "HTTP", null, "arn:2")),
        "secret-user-data");
  }

  static Map<String, ServerGroup> cluster(int tags) {
    Map<String, ServerGroup> m = new java.util.TreeMap<>();
    for (String r : List.of("eu-west-1", "us-east-1", "us-west-2")) {
      m.put(r, serverGroup(r, tags));
    }
    return m;
  }

  /** What a cloud API returns: a fresh deserialisation, with HashSets and HashMaps. */
  static Map<String, ServerGroup> roundTrip(Map<String, ServerGroup> cluster) {
    try {
      return MAPPER.readValue(MAPPER.writeValueAsBytes(cluster), CLUSTER);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
