package dev.keel.ec2.api.spec;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * A closed list of AWS names (termination policies, scaling processes, protocols) read case-insensitively
 * and written in AWS's spelling, with an error listing the accepted names.
 *
 * @param what what the names are, for error messages
 * @param names the accepted names in AWS's spelling
 */
public record CanonicalName(String what, List<String> names) {

  /** AWS termination policies. */
  public static final CanonicalName TERMINATION_POLICIES = new CanonicalName("termination policy", List.of(
      "OldestInstance", "NewestInstance", "OldestLaunchConfiguration", "ClosestToNextInstanceHour", "Default",
      "OldestLaunchTemplate", "AllocationStrategy"));

  /** AWS auto scaling processes. */
  public static final CanonicalName SCALING_PROCESSES = new CanonicalName("scaling process", List.of("Launch",
      "Terminate", "AddToLoadBalancer", "AlarmNotification", "AZRebalance", "HealthCheck", "ReplaceUnhealthy",
      "ScheduledActions"));

  /** Security group rule protocols. */
  public static final CanonicalName PROTOCOLS = new CanonicalName("protocol", List.of("ALL", "TCP", "UDP", "ICMP"));

  /** Health check types. */
  public static final CanonicalName HEALTH_CHECK_TYPES = new CanonicalName("health check type", List.of("EC2", "ELB"));

  /**
   * The AWS spelling of a name.
   *
   * @param text the name in any case
   * @return the canonical spelling
   * @throws IllegalArgumentException naming the accepted names
   */
  public String of(String text) {
    for (String n : names) {
      if (n.equalsIgnoreCase(text.trim())) {
        return n;
      }
    }
    throw new IllegalArgumentException("Unknown " + what + " '" + text + "': use one of " + names);
  }

  /**
   * The AWS spellings of a set of names.
   *
   * @param texts names in any case, or null
   * @return the canonical names, sorted
   */
  public Set<String> of(@Nullable Set<String> texts) {
    Set<String> out = new TreeSet<>();
    if (texts != null) {
      texts.forEach(t -> out.add(of(t)));
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * Lower-cased, for payloads that want it.
   *
   * @param canonical a canonical name
   * @return lower case
   */
  public static String lower(String canonical) {
    return canonical.toLowerCase(Locale.ROOT);
  }
}
