package dev.keel.ec2.sim;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The simulated EC2's bakery: how long a bake takes, which regions fail, and the image a finished bake adds
 * to the catalog. Guarded by the {@link SimulatedEc2}'s lock.
 */
final class SimBakes {

  private final SimCatalog catalog;
  private final Map<String, String> failIn = new HashMap<>();
  private final Map<String, Integer> failCount = new HashMap<>();
  Duration duration = Duration.ofMinutes(10);

  SimBakes(SimCatalog catalog) {
    this.catalog = catalog;
  }

  void failIn(String region, String message, int count) {
    failIn.put(region, message);
    failCount.put(region, count);
  }

  /**
   * Finishes a bake: registers one image holding the AMIs of the regions that did not fail.
   *
   * @return null on success, else the stage's failure
   */
  @Nullable String finish(Ec2Operation.Bake bake, String taskId, Instant now) {
    Optional<Catalog.BaseImage> base = catalog.baseImage(bake.baseOs(), bake.baseLabel());
    if (base.isEmpty()) {
      return "Stage bake failed: no base image for " + bake.baseOs() + "/" + bake.baseLabel();
    }
    Map<String, String> amis = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (String region : bake.regions()) {
      String injected = failIn.get(region);
      if (injected != null) {
        if (failCount.merge(region, -1, Integer::sum) <= 0) {
          failIn.remove(region);
          failCount.remove(region);
        }
        failures.add(region + ": " + injected);
        continue;
      }
      amis.put(region, "ami-" + Integer.toHexString((taskId + region).hashCode() & 0xfffffff));
    }
    if (!amis.isEmpty()) {
      catalog.image(new Catalog.Image(bake.appVersion() + "-" + base.get().name() + "-" + taskId, bake.appVersion(),
          base.get().name(), amis, now));
    }
    return failures.isEmpty() ? null : "Stage bake failed in " + String.join("; ", failures);
  }
}
