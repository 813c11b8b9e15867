package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.cloud.api.InstanceCounts;
import dev.keel.spi.model.Moniker;
import java.time.Instant;
import java.util.List;

/** What Clouddriver's EC2 and Titus cluster payloads share: the cluster envelope, monikers, instance counts. */
final class ClusterJson {

  private ClusterJson() {}

  /** A moniker as Clouddriver writes it, every field present. */
  static ObjectNode moniker(String name) {
    Moniker m = Moniker.parse(name);
    ObjectNode o = JsonView.object();
    o.put("app", m.app());
    o.put("cluster", m.cluster().toName());
    o.put("detail", m.detail());
    o.put("stack", m.stack());
    if (m.sequence() == null) {
      o.putNull("sequence");
    } else {
      o.put("sequence", m.sequence());
    }
    return o;
  }

  static ObjectNode instanceCounts(InstanceCounts c) {
    ObjectNode o = JsonView.object();
    o.put("total", c.total());
    o.put("up", c.up());
    o.put("down", c.down());
    o.put("unknown", c.unknown());
    o.put("outOfService", 0);
    o.put("starting", 0);
    return o;
  }

  /** {@code GET /applications/{app}/clusters/{account}/{cluster}/{provider}}: the cluster with every group. */
  static ObjectNode cluster(String account, String cluster, String provider, List<ObjectNode> serverGroups) {
    ObjectNode o = JsonView.object();
    o.put("name", cluster);
    o.put("accountName", account);
    o.put("type", provider);
    o.set("moniker", moniker(cluster));
    ArrayNode groups = o.putArray("serverGroups");
    serverGroups.forEach(groups::add);
    o.putArray("loadBalancers");
    return o;
  }

  static long millis(Instant t) {
    return t.toEpochMilli();
  }
}
