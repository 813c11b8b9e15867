package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.Location;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;

/** The regional location of a load balancer: VPC, subnet purpose (default {@code internal (<vpc>)}), zones. */
final class LoadBalancerLocations {

  private LoadBalancerLocations() {}

  static Location of(Locations l, RegionSpec region) {
    String vpc = l.effectiveVpc();
    String subnet = l.subnet() == null ? "internal (" + vpc + ")" : l.subnet();
    return new Location(l.account(), region.name(), vpc, subnet, region.availabilityZones());
  }
}
