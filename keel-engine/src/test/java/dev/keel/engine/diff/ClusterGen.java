package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.engine.diff.ClusterModel.AutoScalingCapacity;
import dev.keel.engine.diff.ClusterModel.BlockDevice;
import dev.keel.engine.diff.ClusterModel.Capacity;
import dev.keel.engine.diff.ClusterModel.DefaultCapacity;
import dev.keel.engine.diff.ClusterModel.Dependencies;
import dev.keel.engine.diff.ClusterModel.Health;
import dev.keel.engine.diff.ClusterModel.LaunchConfiguration;
import dev.keel.engine.diff.ClusterModel.Listener;
import dev.keel.engine.diff.ClusterModel.Location;
import dev.keel.engine.diff.ClusterModel.Scaling;
import dev.keel.engine.diff.ClusterModel.ServerGroup;
import dev.keel.engine.diff.ClusterModel.StepPolicy;
import dev.keel.engine.diff.ClusterModel.TargetTrackingPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for clusters ({@code Map<region, ServerGroup>}) and for mutations of them,
 * one mutation kind per class of path (diff-design §7).
 */
final class ClusterGen {

  private ClusterGen() {}

  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2", "ap-south-1");
  static final List<String> METRICS = List.of("CPUUtilization", "NetworkIn", "NetworkOut", "RequestCount");

  /** Draws from QuickTheories' randomness source, so fixed seeds reproduce every value. */
  record Draw(RandomnessSource in) {
    int between(int lo, int hi) {
      return Generate.range(lo, hi).generate(in);
    }

    boolean bool() {
      return between(0, 1) == 1;
    }

    <T> T pick(List<T> options) {
      return options.get(between(0, options.size() - 1));
    }

    <T> List<T> shuffled(List<T> xs) {
      List<T> out = new ArrayList<>(xs);
      for (int i = out.size() - 1; i > 0; i--) {
        Collections.swap(out, i, between(0, i));
      }
      return out;
    }

    <T> List<T> subset(List<T> xs, int max) {
      return shuffled(xs).subList(0, between(0, Math.min(max, xs.size())));
    }

    /** Null, empty or a LinkedHashSet in a drawn order. */
    <T> Set<T> set(List<T> xs, int max) {
      int shape = between(0, 5);
      if (shape == 0) {
        return null;
      }
      if (shape == 1) {
        return Set.of();
      }
      return new LinkedHashSet<>(subset(xs, max));
    }

    Number anyBox(int value) {
      return switch (between(0, 3)) {
        case 0 -> value;
        case 1 -> (long) value;
        case 2 -> (double) value;
        default -> new BigDecimal(value + ".00");
      };
    }

    Duration duration(int seconds) {
      return seconds % 60 == 0 && bool() ? Duration.ofMinutes(seconds / 60) : Duration.ofSeconds(seconds);
    }
  }

  static Gen<Map<String, ServerGroup>> clusters(boolean secrets) {
    return in -> cluster(new Draw(in), secrets);
  }

  static Map<String, ServerGroup> cluster(Draw r, boolean secrets) {
    Map<String, ServerGroup> out = r.bool() ? new TreeMap<>() : new LinkedHashMap<>();
    List<String> regions = r.subset(REGIONS, 3);
    if (regions.isEmpty()) {
      regions = List.of(r.pick(REGIONS));
    }
    for (String region : regions) {
      out.put(region, serverGroup(r, region, secrets));
    }
    return out;
  }

  static ServerGroup serverGroup(Draw r, String region, boolean secrets) {
    List<BlockDevice> devices = new ArrayList<>();
    for (String dev : r.subset(List.of("/dev/sda", "/dev/sdb", "/dev/sdc"), 3)) {
      devices.add(new BlockDevice(dev, r.pick(List.of(8, 40, 100)), "snap-" + r.between(0, 99)));
    }
    LaunchConfiguration lc = new LaunchConfiguration(r.pick(List.of("ami-1", "ami-2", "ami-3")),
        "fnord-1." + r.between(0, 3) + ".0", r.pick(List.of("m5.large", "m5.xlarge", "c5.large")), r.bool(),
        "role-" + r.between(0, 9), r.bool() ? null : "keypair", r.subset(List.of("-a", "-b", "-c", "-d"), 3),
        r.bool() ? Set.of() : new LinkedHashSet<>(devices));
    Capacity capacity = capacity(r);
    List<TargetTrackingPolicy> policies = new ArrayList<>();
    for (String metric : r.subset(METRICS, 3)) {
      policies.add(new TargetTrackingPolicy("policy-" + r.between(0, 99), metric, r.pick(List.of(50.0, 60.5, 70.0)),
          r.duration(r.pick(List.of(60, 300, 90)))));
    }
    List<StepPolicy> steps = new ArrayList<>();
    for (int i = r.between(0, 2); i > 0; i--) {
      steps.add(new StepPolicy(r.pick(METRICS), r.between(1, 3) * 10, r.between(-1, 1)));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = r.between(0, 4); i > 0; i--) {
      tags.put("tag" + r.between(0, 6), r.between(0, 4) == 0 ? null : "v" + r.between(0, 2));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("weight", r.anyBox(r.between(0, 3)));
    if (r.bool()) {
      metadata.put("owner", r.pick(List.of("keel", "spinnaker")));
    }
    if (r.bool()) {
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("limit", r.anyBox(r.between(1, 2)));
      nested.put("list", List.of(r.anyBox(1), r.anyBox(r.between(1, 2))));
      metadata.put("nested", nested);
    }
    List<Listener> listeners = new ArrayList<>();
    for (int port : r.subset(List.of(80, 443, 7001), 3)) {
      listeners.add(new Listener(port, port == 443 ? "HTTPS" : "HTTP", r.bool() ? null : "cert-" + r.between(0, 2),
          "arn-" + r.between(0, 99)));
    }
    return new ServerGroup("fnord-v" + r.between(0, 999),
        new Location(r.pick(List.of("test", "prod")), region, r.set(List.of(region + "a", region + "b", region + "c"), 3),
            r.pick(List.of("internal", "external"))),
        lc,
        capacity,
        r.bool() ? null : new Dependencies(r.set(List.of("fnord", "fnord-elb", "nf-infra"), 3),
            r.set(List.of("fnord-lb", "fnord-alb"), 2)),
        new Health(r.duration(r.pick(List.of(10, 60, 600))), r.duration(r.pick(List.of(120, 300))),
            r.set(List.of("OldestInstance", "Default"), 2)),
        new Scaling(r.bool() ? Set.copyOf(policies) : new LinkedHashSet<>(r.shuffled(policies)), steps),
        tags,
        metadata,
        listeners,
        secrets ? "secret-" + r.between(0, 9) : null);
  }

  private static Capacity capacity(Draw r) {
    int min = r.between(0, 3);
    int max = min + r.between(0, 5);
    Integer desired = r.bool() ? null : min + r.between(0, max - min);
    return r.bool() ? new DefaultCapacity(min, max, desired) : new AutoScalingCapacity(min, max, desired);
  }

  static ServerGroup withCapacity(ServerGroup s, Capacity c) {
    return new ServerGroup(s.name(), s.location(), s.launchConfiguration(), c, s.dependencies(), s.health(),
        s.scaling(), s.tags(), s.metadata(), s.listeners(), s.userData());
  }

  // ---- JSON-tree helpers used by mutations and by the test-side oracle ----------------------------

  static ObjectNode tree(Object cluster) {
    return ClusterModel.MAPPER.valueToTree(cluster);
  }

  static Map<String, ServerGroup> fromTree(JsonNode tree) {
    return ClusterModel.MAPPER.convertValue(tree, ClusterModel.CLUSTER);
  }

  static ArrayNode array(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ArrayNode a) {
      return a;
    }
    return parent.putArray(field);
  }
}
