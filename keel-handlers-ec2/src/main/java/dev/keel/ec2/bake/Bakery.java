package dev.keel.ec2.bake;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.VirtualMachineOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Bakes the versions of Debian artifacts with {@code vmOptions} into AMIs, baking only what is missing:
 * no AMI of the version on the current base image → every region; some regions → those; with
 * {@code ignoreBaseUpdates} an AMI on any base image counts. One bake task per version at a time, with the
 * correlation id {@code bake:<appVersion>} (the cloud deduplicates on it). Each call to
 * {@link #ensureBaked} first follows the last task it launched: a success or failure is published as an
 * event, a failure counts as an attempt; after {@code maxAttempts} failed attempts on one base image the
 * bakery gives up on that version until the base image changes. There are no threads: progress is made
 * when the bake constraint or the image resolver asks.
 *
 * <p>The bakery also remembers which artifact a delivery config names by a reference (the bake constraint
 * registers them), so the image resolver, which only knows the reference, can tell a baked artifact.
 *
 * <p>Events (source {@value #SOURCE}): {@code BakeLaunched}, {@code BakeSucceeded}, {@code BakeFailed}
 * (with the reason) and {@code BakeGaveUp}, with attributes {@code appVersion}, {@code regions},
 * {@code task} and, on failure, {@code reason}. A bake belongs to no resource, so each event is published
 * once for every resource the caller names as waiting for the version (the engine records such events in
 * those resources' histories), or once without a resource when it names none.
 */
public final class Bakery {

  /** The event source. */
  public static final String SOURCE = "ec2-bakery";

  private final Ec2Cloud cloud;
  private final String imageAccount;
  private final int maxAttempts;
  private final Consumer<PluginEvent> events;
  private final Map<String, DebianArtifact> artifacts = new HashMap<>();
  private final Map<String, Attempts> attempts = new HashMap<>();

  /**
   * A bakery.
   *
   * @param cloud the cloud that bakes and holds the images
   * @param imageAccount the account images are baked in and looked up in
   * @param maxAttempts how many failed bake tasks of a version on one base image before giving up, at least 1
   * @param events where bake events go
   */
  public Bakery(Ec2Cloud cloud, String imageAccount, int maxAttempts, Consumer<PluginEvent> events) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.imageAccount = Objects.requireNonNull(imageAccount, "imageAccount");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Remembers the artifact a delivery config names by its reference.
   *
   * @param deliveryConfig the config's name
   * @param artifact the baked artifact
   */
  public synchronized void register(String deliveryConfig, DebianArtifact artifact) {
    artifacts.put(deliveryConfig + "/" + artifact.reference(), artifact);
  }

  /**
   * The baked artifact a delivery config names by a reference, if the bakery was told of it.
   *
   * @param deliveryConfig the config's name
   * @param reference the artifact reference
   * @return the artifact, or empty
   */
  public synchronized Optional<DebianArtifact> artifact(String deliveryConfig, String reference) {
    return Optional.ofNullable(artifacts.get(deliveryConfig + "/" + reference));
  }

  /**
   * The images to use for a version: per region of the artifact, the newest AMI of the version on the
   * current base image (on any base image with {@code ignoreBaseUpdates}); with {@code fallBack}, regions
   * without one get the newest AMI on any base image, so a cluster keeps its image while a re-bake runs.
   *
   * @param artifact the baked artifact
   * @param version the version
   * @param fallBack whether to fall back to AMIs on outdated base images
   * @return the image per region that has one
   */
  public synchronized Map<String, Catalog.Image> images(DebianArtifact artifact, String version, boolean fallBack) {
    VirtualMachineOptions vm = options(artifact);
    String appVersion = Ec2Operation.Bake.appVersion(artifact.name(), version);
    List<Catalog.Image> images = cloud.findImages(appVersion, imageAccount);
    Optional<Catalog.BaseImage> base = cloud.baseImage(vm.baseOs(), vm.baseLabel());
    Map<String, Catalog.Image> chosen = new LinkedHashMap<>();
    for (String region : vm.regions()) {
      newest(images, region, vm.ignoreBaseUpdates() ? null : base.map(Catalog.BaseImage::name).orElse(null))
          .or(() -> fallBack ? newest(images, region, null) : Optional.empty())
          .ifPresent(i -> chosen.put(region, i));
    }
    return chosen;
  }

  /**
   * Follows the version's last bake task and, if regions still lack an AMI on the current base image,
   * launches a bake of those regions unless one runs or the attempts are exhausted.
   *
   * @param application the application that owns the bake task
   * @param artifact the baked artifact
   * @param version the version
   * @param waiting the ids of the resources waiting for the version, whose histories get the bake events
   * @return where the bake stands
   */
  public synchronized BakeStatus ensureBaked(String application, DebianArtifact artifact, String version,
      List<String> waiting) {
    VirtualMachineOptions vm = options(artifact);
    String appVersion = Ec2Operation.Bake.appVersion(artifact.name(), version);
    Optional<Catalog.BaseImage> base = cloud.baseImage(vm.baseOs(), vm.baseLabel());
    if (base.isEmpty()) {
      return new BakeStatus(BakeStatus.State.FAILED, appVersion, null, Map.of(), Set.of(), vm.regions(), 0, null,
          "no base image is known for " + vm.baseOs() + "/" + vm.baseLabel());
    }
    String baseName = base.get().name();
    Attempts a = attempts.computeIfAbsent(appVersion + "@" + baseName, k -> new Attempts());
    follow(a, appVersion, waiting);
    Map<String, String> amis = new LinkedHashMap<>();
    images(artifact, version, false).forEach((region, image) -> amis.put(region, image.amis().get(region)));
    Set<String> missing = new TreeSet<>(vm.regions());
    missing.removeAll(amis.keySet());
    if (missing.isEmpty()) {
      return new BakeStatus(BakeStatus.State.BAKED, appVersion, baseName, amis, Set.of(), Set.of(), a.failures, a.task,
          a.failure);
    }
    if (a.running != null) {
      return new BakeStatus(BakeStatus.State.BAKING, appVersion, baseName, amis, a.running, missing, a.failures,
          a.task, a.failure);
    }
    if (a.failures >= maxAttempts) {
      if (!a.gaveUp) {
        a.gaveUp = true;
        publish("BakeGaveUp", "Gave up baking " + appVersion + " in " + missing + " after " + a.failures
            + " failed attempts: " + a.failure, appVersion, missing, a.task, a.failure, waiting);
      }
      return new BakeStatus(BakeStatus.State.FAILED, appVersion, baseName, amis, Set.of(), missing, a.failures,
          a.task, "gave up after " + a.failures + " failed attempts; last: " + a.failure);
    }
    TaskExecution task = cloud.submit(new TaskRequest(application, "Bake " + appVersion + " in " + missing,
        "bake:" + appVersion, List.of(new Ec2Operation.Bake(imageAccount, new ArrayList<>(missing), artifact.name(),
            appVersion, vm.baseOs(), vm.baseLabel(), vm.storeType())), null, null, null));
    a.task = task.id();
    a.running = Set.copyOf(missing);
    publish("BakeLaunched", "Launched the bake of " + appVersion + " on " + baseName + " in " + missing
        + " (task " + task.id() + ")", appVersion, missing, task.id(), null, waiting);
    return new BakeStatus(BakeStatus.State.BAKING, appVersion, baseName, amis, missing, missing, a.failures, a.task,
        a.failure);
  }

  private void follow(Attempts a, String appVersion, List<String> waiting) {
    if (a.running == null || a.task == null) {
      return;
    }
    Optional<TaskExecution> task = cloud.task(a.task);
    if (task.isPresent() && !task.get().state().isComplete()) {
      return;
    }
    Set<String> regions = a.running;
    a.running = null;
    if (task.isPresent() && task.get().state() == TaskExecution.State.SUCCEEDED) {
      // Sorted: the running set has no order, and the message must read the same in identical runs.
      publish("BakeSucceeded", "Baked " + appVersion + " in " + new java.util.TreeSet<>(regions), appVersion, regions,
          a.task, null, waiting);
      return;
    }
    a.failures++;
    a.failure = task.map(TaskExecution::failure).orElse("the bake task " + a.task + " is unknown to the cloud");
    publish("BakeFailed", "The bake of " + appVersion + " failed (attempt " + a.failures + " of " + maxAttempts
        + "): " + a.failure, appVersion, regions, a.task, a.failure, waiting);
  }

  private void publish(String type, String message, String appVersion, Set<String> regions, @Nullable String task,
      @Nullable String reason, List<String> waiting) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("appVersion", appVersion);
    attributes.put("regions", String.join(",", new TreeSet<>(regions)));
    if (task != null) {
      attributes.put("task", task);
    }
    if (reason != null) {
      attributes.put("reason", reason);
    }
    if (waiting.isEmpty()) {
      events.accept(new PluginEvent(SOURCE, type, null, message, attributes));
    }
    for (String resourceId : waiting) {
      events.accept(new PluginEvent(SOURCE, type, resourceId, message, attributes));
    }
  }

  private static Optional<Catalog.Image> newest(List<Catalog.Image> images, String region, @Nullable String base) {
    return images.stream()
        .filter(i -> i.amis().containsKey(region))
        .filter(i -> base == null || base.equals(i.baseImageName()))
        .max(Comparator.comparing(Catalog.Image::createdAt));
  }

  private static VirtualMachineOptions options(DebianArtifact artifact) {
    if (artifact.vmOptions() == null) {
      throw new IllegalArgumentException("Artifact " + artifact.name() + " declares no vmOptions: it is not baked");
    }
    return artifact.vmOptions();
  }

  /** The bake attempts of one version on one base image. */
  private static final class Attempts {
    int failures;
    @Nullable String task;
    @Nullable String failure;
    @Nullable Set<String> running;
    boolean gaveUp;
  }
}
