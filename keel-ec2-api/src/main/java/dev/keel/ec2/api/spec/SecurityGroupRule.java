package dev.keel.ec2.api.spec;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An inbound rule. Its type follows from the fields present, as in Keel: {@code blockRange} makes a CIDR
 * rule, {@code prefixListId} a prefix-list rule, {@code account} (other than the group's) a cross-account
 * reference, anything else a reference to a group by {@code name}, which defaults to the group itself.
 *
 * @param protocol {@code ALL}, {@code TCP}, {@code UDP} or {@code ICMP} (any case)
 * @param portRange the ports, all when omitted
 * @param name the referenced group, or null for the group itself
 * @param account the referenced group's account, for cross-account rules
 * @param vpc the referenced group's VPC, for cross-account rules
 * @param blockRange a CIDR block
 * @param prefixListId a prefix list
 * @param description a description, ignored when comparing
 */
public record SecurityGroupRule(String protocol, @Nullable PortRange portRange, @Nullable String name,
    @Nullable String account, @Nullable String vpc, @Nullable String blockRange, @Nullable String prefixListId,
    @Nullable @dev.keel.spi.diff.DiffIgnore String description) {

  /** Rule types. */
  public enum Type {
    /** A group by name in the same account. */
    REFERENCE,
    /** A group in another account or VPC. */
    CROSS_ACCOUNT,
    /** A CIDR block. */
    CIDR,
    /** A prefix list. */
    PREFIX_LIST
  }

  /** Canonical protocol, all ports by default, one rule type. */
  public SecurityGroupRule {
    protocol = CanonicalName.PROTOCOLS.of(Objects.requireNonNull(protocol, "A security group rule needs a protocol"));
    portRange = portRange == null ? PortRange.ALL : portRange;
    int kinds = (blockRange != null ? 1 : 0) + (prefixListId != null ? 1 : 0) + (account != null ? 1 : 0);
    if (kinds > 1) {
      throw new IllegalArgumentException("A security group rule takes one of blockRange, prefixListId and account,"
          + " not several");
    }
    if (account != null && name == null) {
      throw new IllegalArgumentException("A cross-account rule needs the referenced group's name");
    }
  }

  /**
   * The rule's type.
   *
   * @param ownAccount the account of the group holding the rule
   * @return the type
   */
  public Type type(String ownAccount) {
    if (blockRange != null) {
      return Type.CIDR;
    }
    if (prefixListId != null) {
      return Type.PREFIX_LIST;
    }
    return account != null && !account.equals(ownAccount) ? Type.CROSS_ACCOUNT : Type.REFERENCE;
  }

  /**
   * The rule with the self-reference spelled out and an own-account reference normalised.
   *
   * @param groupName the group holding the rule
   * @param ownAccount its account
   * @return the rule as compared and applied
   */
  public SecurityGroupRule resolved(String groupName, String ownAccount) {
    Type t = type(ownAccount);
    if (t == Type.REFERENCE) {
      return new SecurityGroupRule(protocol, portRange, name == null ? groupName : name, null, null, null, null, null);
    }
    return new SecurityGroupRule(protocol, portRange, name, account, vpc, blockRange, prefixListId, null);
  }
}
