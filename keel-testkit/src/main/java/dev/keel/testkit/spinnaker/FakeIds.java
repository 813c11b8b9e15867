package dev.keel.testkit.spinnaker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * The identifiers the fake makes up where the simulated clouds have none: security group ids, scaling policy
 * names, task and pipeline ids, ARNs. Each is derived from what it names (never from the wall clock or a random
 * source), so that a run repeats exactly; security group ids it handed out are remembered, so that a lookup by
 * id finds the name again.
 */
final class FakeIds {

  /** Security group id to {@code account/region/name}. */
  private final Map<String, String> securityGroups = new ConcurrentHashMap<>();
  private final Map<String, Integer> serials = new ConcurrentHashMap<>();

  static String hex(String text, int digits) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, digits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }

  /** A security group's id, as {@code sg-} and 17 hex digits, remembered for {@link #securityGroupName}. */
  String securityGroupId(String account, String region, String name) {
    String id = "sg-" + hex(account + "/" + region + "/" + name, 17);
    securityGroups.putIfAbsent(id, account + "/" + region + "/" + name);
    return id;
  }

  /**
   * The name of a security group id handed out before, or found among candidate names.
   *
   * @param candidates names that may have the id (the groups of the region)
   */
  Optional<String> securityGroupName(String account, String region, String id, List<String> candidates) {
    String known = securityGroups.get(id);
    if (known != null && known.startsWith(account + "/" + region + "/")) {
      return Optional.of(known.substring(account.length() + region.length() + 2));
    }
    for (String name : candidates) {
      if (securityGroupId(account, region, name).equals(id)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** A name for the given id, or the value itself when it is a name already. */
  String securityGroupNameOrSelf(String account, String region, String idOrName, List<String> candidates) {
    if (!idOrName.startsWith("sg-")) {
      return idOrName;
    }
    return securityGroupName(account, region, idOrName, candidates).orElse(idOrName);
  }

  /** The next id of a series for a key, such as the tasks of a correlation id: {@code prefix-<12 hex>}. */
  String next(String prefix, String key) {
    int ordinal = serials.merge(prefix + "|" + key, 1, Integer::sum);
    return prefix + "-" + hex(key + "#" + ordinal, 12);
  }

  static String arn(String service, String region, String accountId, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
  }

  @Nullable
  static String accountIdOf(@Nullable String arnOrNull) {
    if (arnOrNull == null) {
      return null;
    }
    String[] parts = arnOrNull.split(":");
    return parts.length > 4 ? parts[4] : null;
  }
}
