package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spi.Exportable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The regions an export looks in: those it names, or every region of its account when it names none (as
 * {@code keel export ec2/cluster@v1.1 fnord-main --account test} does).
 */
final class ExportRegions {

  private ExportRegions() {}

  /**
   * The regions to look in.
   *
   * @param cloud the cloud, which knows the account's regions
   * @param e the export
   * @return the regions, sorted
   */
  static Set<String> of(Ec2Cloud cloud, Exportable e) {
    Set<String> regions = e.regions().isEmpty() ? cloud.regions(e.account()) : e.regions();
    return Collections.unmodifiableSet(new TreeSet<>(regions));
  }

  /**
   * Where an export looked, for the message saying it found nothing.
   *
   * @param e the export
   * @param regions the regions it looked in
   * @return such as {@code test [us-east-1, us-west-2]} or {@code any region of test [us-east-1]}
   */
  static String where(Exportable e, Set<String> regions) {
    if (!e.regions().isEmpty()) {
      return e.account() + " " + regions;
    }
    return regions.isEmpty() ? "account " + e.account() + ", which has no regions (is the account known?)"
        : "any region of " + e.account() + " " + regions;
  }
}
