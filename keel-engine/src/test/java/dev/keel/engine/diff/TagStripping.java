package dev.keel.engine.diff;

import dev.keel.engine.diff.ClusterModel.LaunchConfiguration;
import dev.keel.engine.diff.ClusterModel.Location;
import dev.keel.engine.diff.ClusterModel.ServerGroup;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Test normalisers: what a cloud might add or re-case, and the normaliser that undoes it. */
final class TagStripping {

  private TagStripping() {}

  /** Strips the zone a cloud adds to every location ("...-cloud"); idempotent. */
  static Location withoutCloudZone(Location l) {
    if (l.availabilityZones() == null || l.availabilityZones().stream().noneMatch(z -> z.endsWith("-cloud"))) {
      return l;
    }
    Set<String> zones = new LinkedHashSet<>(l.availabilityZones());
    zones.removeIf(z -> z.endsWith("-cloud"));
    return new Location(l.account(), l.region(), zones, l.subnet());
  }

  /** The same server group with its instance type upper-cased and a cloud-added zone. */
  static ServerGroup shout(ServerGroup s) {
    LaunchConfiguration lc = s.launchConfiguration();
    Set<String> zones = new LinkedHashSet<>(s.location().availabilityZones() == null ? Set.of()
        : s.location().availabilityZones());
    zones.add(s.location().region() + "-cloud");
    return new ServerGroup(s.name(), new Location(s.location().account(), s.location().region(), zones,
        s.location().subnet()),
        new LaunchConfiguration(lc.image(), lc.appVersion(), lc.instanceType().toUpperCase(Locale.ROOT),
            lc.ebsOptimized(), lc.iamRole(), lc.keyPair(), lc.args(), lc.blockDevices()),
        s.capacity(), s.dependencies(), s.health(), s.scaling(), s.tags(), s.metadata(), s.listeners(), s.userData());
  }
}
