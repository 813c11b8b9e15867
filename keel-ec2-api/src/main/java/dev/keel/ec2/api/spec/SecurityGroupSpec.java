package dev.keel.ec2.api.spec;

import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * {@code ec2/security-group@v1}: a security group in several regions of one VPC. Override rules are added
 * to the base rules; an override's description replaces the base one.
 *
 * @param moniker the group's name
 * @param locations account, VPC and regions
 * @param description the description
 * @param inboundRules the inbound rules
 * @param overrides per-region additions
 */
public record SecurityGroupSpec(Moniker moniker, @Nullable Locations locations, @Nullable String description,
    Set<SecurityGroupRule> inboundRules, Map<String, SecurityGroupOverride> overrides) implements Monikered, Locatable {

  /** Null collections are empty. */
  public SecurityGroupSpec {
    Objects.requireNonNull(moniker, "An ec2/security-group needs a moniker");
    inboundRules = inboundRules == null ? Set.of() : Set.copyOf(inboundRules);
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * One region's additions.
   *
   * @param description replaces the description, or null
   * @param inboundRules rules added in the region, or null
   * @param vpc ignored, as in Keel (export writes it)
   */
  public record SecurityGroupOverride(@Nullable String description, @Nullable Set<SecurityGroupRule> inboundRules,
      @Nullable String vpc) {}
}
