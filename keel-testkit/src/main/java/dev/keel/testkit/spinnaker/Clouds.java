package dev.keel.testkit.spinnaker;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Inventory;
import dev.keel.titus.api.TitusCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The clouds the fake serves, attached at construction or later (the CLI starts the fake before the engine
 * that creates the simulated clouds). A request needing a cloud that is not attached is answered 503.
 */
final class Clouds {

  @Nullable
  private volatile Ec2Cloud ec2;
  @Nullable
  private volatile TitusCloud titus;
  private final List<String> defaultSecurityGroups;

  Clouds(List<String> defaultSecurityGroups) {
    this.defaultSecurityGroups = List.copyOf(defaultSecurityGroups);
  }

  void ec2(Ec2Cloud cloud) {
    this.ec2 = cloud;
  }

  void titus(TitusCloud cloud) {
    this.titus = cloud;
  }

  Ec2Cloud ec2() {
    Ec2Cloud c = ec2;
    if (c == null) {
      throw new HttpProblem(503, "No EC2 attached to the fake Spinnaker yet");
    }
    return c;
  }

  TitusCloud titus() {
    TitusCloud c = titus;
    if (c == null) {
      throw new HttpProblem(503, "No Titus attached to the fake Spinnaker yet");
    }
    return c;
  }

  Optional<Ec2Cloud> optionalEc2() {
    return Optional.ofNullable(ec2);
  }

  Optional<TitusCloud> optionalTitus() {
    return Optional.ofNullable(titus);
  }

  /** The EC2's listings, when it offers them. */
  Optional<Ec2Inventory> inventory() {
    return ec2 instanceof Ec2Inventory i ? Optional.of(i) : Optional.empty();
  }

  /** The names of the EC2 security groups of a region, for finding a name by id. */
  List<String> securityGroupNames(String account, String region) {
    return inventory().map(i -> i.securityGroupNames(account, region)).orElse(List.of());
  }

  /**
   * The groups Orca adds to a deploy, as its {@code AmazonServerGroupCreator} adds {@code default.securityGroups}
   * to every deploy: those of the configured defaults the deploy does not name already and that pass a check (for
   * EC2, that they exist in the account and region: a real deploy naming a missing one fails, this fake leaves it
   * out).
   *
   * @param exists whether a group of that name may be added
   * @param named the groups the deploy names
   */
  List<String> orcaDefaultSecurityGroups(java.util.function.Predicate<String> exists, java.util.Collection<String> named) {
    List<String> out = new ArrayList<>();
    for (String group : defaultSecurityGroups) {
      if (!named.contains(group) && exists.test(group)) {
        out.add(group);
      }
    }
    return out;
  }
}
