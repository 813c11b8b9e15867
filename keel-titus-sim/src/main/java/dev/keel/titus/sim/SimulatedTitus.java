package dev.keel.titus.sim;

import dev.keel.support.sim.SimulatedClusterCloud;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusReadException;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated Titus (with Orca-like tasks) behind {@link TitusCloud}, on an injected clock: the shared simulated
 * cluster cloud ({@link SimulatedClusterCloud}: tasks, deploy strategies, sequence numbers, task health, read
 * lag and faults) with Titus's own job ids, accounts, registries, security groups and batch jobs, which run for a
 * while and exit with a code a test may choose. It never starts threads: every call first catches up with the
 * clock.
 */
public final class SimulatedTitus extends SimulatedClusterCloud<TitusServerGroup, ScalingSpec, TitusServerGroupState>
    implements TitusCloud {

  private final Map<String, TitusAccount> accounts = new LinkedHashMap<>();
  private final Map<String, Set<String>> accountRegions = new HashMap<>();
  private final Map<String, List<DockerImage>> images = new HashMap<>();
  private final Set<String> securityGroups = new HashSet<>();
  private final Map<String, BatchRun> batchJobs = new LinkedHashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private Duration batchDuration = Duration.ofMinutes(3);

  /**
   * A simulated Titus with no accounts.
   *
   * @param clock the clock tasks progress on
   */
  public SimulatedTitus(Clock clock) {
    super(clock, "titus-task-", "jobs", SimJobs::new);
  }

  @Override
  protected RuntimeException readFailure(String message) {
    return new TitusReadException("Simulated Titus " + message);
  }

  /**
   * A simulated Titus with accounts {@code test} (environment test) and {@code prod}, each backed by an AWS
   * account of the same name with registry {@code <account>registry}, in us-east-1, us-west-1, us-west-2 and
   * eu-west-1.
   *
   * @param clock the clock
   * @return the simulator
   */
  public static SimulatedTitus withDefaults(Clock clock) {
    SimulatedTitus sim = new SimulatedTitus(clock);
    String[] regions = {"us-east-1", "us-west-1", "us-west-2", "eu-west-1"};
    sim.account(new TitusAccount("test", "test", "123456789012", "testregistry", "test"), regions);
    sim.account(new TitusAccount("prod", "prod", "210987654321", "prodregistry", "prod"), regions);
    return sim;
  }

  // ---- seeding, configuration and faults ----------------------------------------------------------------

  /**
   * Adds an account.
   *
   * @param account the account
   * @return this
   */
  public synchronized SimulatedTitus account(TitusAccount account) {
    accounts.put(account.name(), account);
    accountRegions.computeIfAbsent(account.name(), k -> new java.util.TreeSet<>());
    return this;
  }

  /**
   * Adds an account (or replaces its attributes) and regions it runs in.
   *
   * @param account the account
   * @param regions regions to add to those it has
   * @return this
   */
  public synchronized SimulatedTitus account(TitusAccount account, String... regions) {
    account(account);
    accountRegions.get(account.name()).addAll(List.of(regions));
    return this;
  }

  /**
   * The names of the known accounts.
   *
   * @return the names, in the order they were added
   */
  public synchronized Set<String> accounts() {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(accounts.keySet()));
  }

  /**
   * Pushes a tag of an image to a registry (several tags may share a digest).
   *
   * @param registry the registry
   * @param image the tag
   * @return this
   */
  public synchronized SimulatedTitus push(String registry, DockerImage image) {
    images.computeIfAbsent(registry + "/" + image.repository(), k -> new ArrayList<>()).add(image);
    return this;
  }

  /**
   * Creates a security group in an AWS account and region.
   *
   * @param awsAccount the AWS account
   * @param region the region
   * @param name the name
   * @return this
   */
  public synchronized SimulatedTitus securityGroup(String awsAccount, String region, String name) {
    securityGroups.add(awsAccount + "/" + region + "/" + name);
    return this;
  }

  /**
   * Sets how long a batch job's container runs (3 minutes by default).
   *
   * @param duration the time
   * @return this
   */
  public synchronized SimulatedTitus batchDuration(Duration duration) {
    this.batchDuration = duration;
    return this;
  }

  /**
   * Makes tasks launched from now on never become healthy (or healthy again).
   *
   * @param never true to keep them unhealthy
   */
  public void tasksNeverHealthy(boolean never) {
    launchedNeverHealthy(never);
  }

  /**
   * Makes containers of an image ({@code organization/image:tag}) exit with a code (0 by default).
   *
   * @param image the image
   * @param exitCode the exit code
   */
  public synchronized void containerExits(String image, int exitCode) {
    exitCodes.put(image, exitCode);
  }

  /**
   * The digest of a tag in a registry, as pushed (without injected read failures).
   *
   * @param registry the registry
   * @param repository {@code organization/image}
   * @param tag the tag
   * @return the newest digest pushed under the tag, or empty
   */
  public synchronized Optional<String> digest(String registry, String repository, String tag) {
    return images.getOrDefault(registry + "/" + repository, List.of()).stream().filter(i -> i.tag().equals(tag))
        .max(Comparator.comparing(DockerImage::createdAt)).map(DockerImage::digest);
  }

  /**
   * Every batch job started, in order.
   *
   * @return the jobs
   */
  public synchronized List<BatchJob> batchJobs() {
    return batchJobs.values().stream().map(BatchRun::job).toList();
  }

  // ---- reads --------------------------------------------------------------------------------------------

  @Override
  public synchronized List<DockerImage> images(String registry, String repository) {
    return read("images of " + repository, () -> images.getOrDefault(registry + "/" + repository, List.of()).stream()
        .sorted(Comparator.comparing(DockerImage::createdAt).reversed()).toList());
  }

  @Override
  public synchronized Set<String> regions(String account) {
    timeline.catchUp();
    Set<String> out = new java.util.TreeSet<>(accountRegions.getOrDefault(account, Set.of()));
    out.addAll(clusters().regions(account));
    return java.util.Collections.unmodifiableSet(out);
  }

  @Override
  public synchronized Optional<TitusAccount> account(String account) {
    return Optional.ofNullable(accounts.get(account));
  }

  @Override
  public synchronized boolean securityGroupExists(String awsAccount, String region, String name) {
    return securityGroups.contains(awsAccount + "/" + region + "/" + name);
  }

  // ---- batch jobs ---------------------------------------------------------------------------------------

  private record BatchRun(String id, BatchJob job, Instant endsAt, int exitCode) {}

  @Override
  public synchronized String runJob(BatchJob job) {
    timeline.catchUp();
    String id = "titus-batch-" + (batchJobs.size() + 1);
    batchJobs.put(id, new BatchRun(id, job, timeline.now().plus(batchDuration), exitCodes.getOrDefault(job.image(), 0)));
    return id;
  }

  @Override
  public synchronized Optional<BatchJob.Status> job(String jobId) {
    timeline.catchUp();
    return Optional.ofNullable(batchJobs.get(jobId)).map(r -> {
      if (timeline.now().isBefore(r.endsAt)) {
        return new BatchJob.Status(r.id, BatchJob.State.RUNNING, null, null);
      }
      return r.exitCode == 0 ? new BatchJob.Status(r.id, BatchJob.State.SUCCEEDED, 0, null)
          : new BatchJob.Status(r.id, BatchJob.State.FAILED, r.exitCode, "Container " + r.job.image() + " exited with "
              + r.exitCode);
    });
  }
}
