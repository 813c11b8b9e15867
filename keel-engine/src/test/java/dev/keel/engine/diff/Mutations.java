package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.engine.diff.ClusterGen.Draw;
import dev.keel.engine.diff.ClusterModel.ServerGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/** One mutation of a cluster per class of path; each says whether it preserves equivalence and where it acts. */
final class Mutations {

  private Mutations() {}

  enum Kind {
    NONE(true), IGNORED_NAME(true), IGNORED_IAM_ROLE(true), IGNORED_POLICY_NAME(true), IGNORED_LISTENER_ARN(true),
    IGNORED_SNAPSHOT(true), NUMBER_REBOX(true), NULL_MAP_ENTRY(true), NULL_TO_EMPTY(true),
    CAPACITY(false), IMAGE(false), TAG_VALUE(false), KEYED_FIELD(false), KEY_CHANGE(false),
    LISTENER_FIELD(false), SET_ADD(false), REGION_ADDED_IN_CURRENT(false), REGION_MISSING_IN_CURRENT(false),
    SUBTYPE_SWAP(false), ARGS_APPEND(false), METADATA_VALUE(false);

    final boolean equivalent;

    Kind(boolean equivalent) {
      this.equivalent = equivalent;
    }
  }

  /** A desired cluster, a current one derived from it, and what the derivation did. */
  record Case(Map<String, ServerGroup> desired, Map<String, ServerGroup> current, Kind kind, String region,
      String locus) {
    boolean equivalent() {
      return kind.equivalent;
    }

    @Override
    public String toString() {
      return kind + " at " + locus;
    }
  }

  static Gen<Case> cases(boolean secrets) {
    return in -> {
      Draw r = new Draw(in);
      Map<String, ServerGroup> desired = ClusterGen.cluster(r, secrets);
      return mutate(r, desired, r.pick(List.of(Kind.values())));
    };
  }

  static Gen<Case> cases(boolean secrets, Kind... kinds) {
    return in -> {
      Draw r = new Draw(in);
      return mutate(r, ClusterGen.cluster(r, secrets), r.pick(List.of(kinds)));
    };
  }

  static Case mutate(Draw r, Map<String, ServerGroup> desired, Kind kind) {
    String region = r.pick(new ArrayList<>(desired.keySet()));
    ObjectNode tree = ClusterGen.tree(desired);
    ObjectNode sg = (ObjectNode) tree.get(region);
    String locus = "/" + region;
    Kind done = kind;
    switch (kind) {
      case IGNORED_NAME -> sg.put("name", "renamed");
      case IGNORED_IAM_ROLE -> ((ObjectNode) sg.get("launchConfiguration")).put("iamRole", "other-role");
      case IGNORED_POLICY_NAME -> eachElement(sg.at("/scaling/targetTrackingPolicies"), e -> e.put("name", "x"));
      case IGNORED_LISTENER_ARN -> eachElement(sg.get("listeners"), e -> e.put("arn", "arn-other"));
      case IGNORED_SNAPSHOT -> eachElement(sg.at("/launchConfiguration/blockDevices"), e -> e.put("snapshotId", "s"));
      case NULL_MAP_ENTRY -> ((ObjectNode) sg.get("tags")).putNull("cloud-added");
      case NULL_TO_EMPTY -> {
        JsonNode zones = sg.at("/location/availabilityZones");
        ObjectNode location = (ObjectNode) sg.get("location");
        if (zones.isNull()) {
          location.putArray("availabilityZones");
        } else if (zones.isEmpty()) {
          location.putNull("availabilityZones");
        }
      }
      case CAPACITY -> {
        ObjectNode cap = (ObjectNode) sg.get("capacity");
        cap.put("max", cap.get("max").asInt() + 1);
        locus += "/capacity/max";
      }
      case IMAGE -> {
        ((ObjectNode) sg.get("launchConfiguration")).put("image", "ami-new");
        locus += "/launchConfiguration/image";
      }
      case TAG_VALUE -> {
        ((ObjectNode) sg.get("tags")).put("tag0", "changed");
        locus += "/tags/tag0";
      }
      case KEYED_FIELD -> {
        ArrayNode policies = (ArrayNode) sg.at("/scaling/targetTrackingPolicies");
        if (policies.isEmpty()) {
          done = Kind.NONE;
        } else {
          ObjectNode p = (ObjectNode) policies.get(r.between(0, policies.size() - 1));
          p.put("targetValue", p.get("targetValue").asDouble() + 1);
          locus += "/scaling/targetTrackingPolicies/[metric=" + p.get("metric").asText() + "]";
        }
      }
      case KEY_CHANGE -> {
        ArrayNode policies = (ArrayNode) sg.at("/scaling/targetTrackingPolicies");
        if (policies.isEmpty()) {
          done = Kind.NONE;
        } else {
          ((ObjectNode) policies.get(r.between(0, policies.size() - 1))).put("metric", "NewMetric");
          locus += "/scaling/targetTrackingPolicies";
        }
      }
      case LISTENER_FIELD -> {
        ArrayNode listeners = (ArrayNode) sg.get("listeners");
        if (listeners.isEmpty()) {
          done = Kind.NONE;
        } else {
          ObjectNode l = (ObjectNode) listeners.get(r.between(0, listeners.size() - 1));
          l.put("certificate", "cert-new");
          locus += "/listeners/[port=" + l.get("port").asInt() + ",protocol=" + l.get("protocol").asText() + "]";
        }
      }
      case SET_ADD -> {
        ObjectNode location = (ObjectNode) sg.get("location");
        ClusterGen.array(location, "availabilityZones").add(region + "z");
        locus += "/location/availabilityZones";
      }
      case REGION_ADDED_IN_CURRENT -> {
        String extra = ClusterGen.REGIONS.stream().filter(x -> !desired.containsKey(x)).findFirst().orElseThrow();
        tree.set(extra, sg.deepCopy());
        locus = "/" + extra;
      }
      case REGION_MISSING_IN_CURRENT -> tree.remove(region);
      case SUBTYPE_SWAP -> {
        ObjectNode cap = (ObjectNode) sg.get("capacity");
        cap.put("type", cap.get("type").asText().equals("default") ? "autoscaling" : "default");
        locus += "/capacity";
      }
      case ARGS_APPEND -> {
        ClusterGen.array((ObjectNode) sg.get("launchConfiguration"), "args").add("-extra");
        locus += "/launchConfiguration/args";
      }
      case METADATA_VALUE -> {
        ((ObjectNode) sg.get("metadata")).put("weight", 17);
        locus += "/metadata/weight";
      }
      default -> {
      }
    }
    Map<String, ServerGroup> current = ClusterGen.fromTree(tree);
    if (kind == Kind.NUMBER_REBOX) {
      Map<String, Object> metadata = current.get(region).metadata();
      Number w = (Number) metadata.get("weight");
      metadata.put("weight", r.bool() ? (Object) new BigDecimal(w.longValue() + ".000") : (Object) (double) w.longValue());
    }
    return new Case(desired, current, done, region, locus);
  }

  private static void eachElement(JsonNode array, java.util.function.Consumer<ObjectNode> action) {
    if (array instanceof ArrayNode a) {
      a.forEach(e -> action.accept((ObjectNode) e));
    }
  }
}

