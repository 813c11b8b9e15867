package dev.keel.ec2.api.model;

import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spi.diff.DiffIgnore;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * One region of a security group as compared.
 *
 * @param name the group's name
 * @param account the account
 * @param region the region
 * @param vpc the VPC name
 * @param description the description (not compared, as in Keel: AWS cannot change it)
 * @param inboundRules the inbound rules, self-references spelled out
 */
public record SecurityGroup(String name, String account, String region, String vpc,
    @DiffIgnore @Nullable String description, Set<SecurityGroupRule> inboundRules) {

  /** Checks for nulls and copies. */
  public SecurityGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vpc, "vpc");
    inboundRules = Set.copyOf(inboundRules);
  }
}
