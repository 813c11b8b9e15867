package dev.keel.spinnaker.titus;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.spi.model.Moniker;
import dev.keel.spinnaker.SpinnakerCallException;
import dev.keel.spinnaker.SpinnakerConfig;
import dev.keel.spinnaker.clouddriver.ClouddriverClient;
import dev.keel.spinnaker.orca.OrcaClient;
import dev.keel.spinnaker.orca.Orchestration;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusReadException;
import dev.keel.titus.api.TitusServerGroupState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@link TitusCloud} over a real Spinnaker (spinnaker-adapters.md §6): the cluster reads with cloud provider
 * {@code titus}, images from Clouddriver's Docker registry endpoints, security groups by name in the backing AWS
 * account, and tasks and batch jobs ({@code runJob}) through Orca. A read that fails throws
 * {@link TitusReadException} naming the call; a 404 is an absent result.
 */
public final class HttpTitusCloud implements TitusCloud, TitusIds {

  private final ClouddriverClient clouddriver;
  private final OrcaClient orca;
  private final TitusReads reads;
  private final TitusStages stages;

  /**
   * A cloud.
   *
   * @param clouddriver Clouddriver
   * @param orca Orca
   * @param config the settings (the groups Orca adds to every deploy)
   * @param clock the engine's clock
   */
  public HttpTitusCloud(ClouddriverClient clouddriver, OrcaClient orca, SpinnakerConfig config, Clock clock) {
    this.clouddriver = clouddriver;
    this.orca = orca;
    this.reads = new TitusReads((awsAccount, region, id) -> clouddriver.securityGroupById(awsAccount, region, id)
        .map(g -> g.text("name", id)).orElse(id));
    this.stages = new TitusStages(this, clock, config.defaultSecurityGroups());
  }

  private static <T> T read(Supplier<T> call) {
    try {
      return call.get();
    } catch (SpinnakerCallException e) {
      throw new TitusReadException(e.getMessage(), e);
    }
  }

  /** The test container's job, as the one operation of its task. */
  private record RunJob(BatchJob job) implements CloudOperation {
    @Override
    public String account() {
      return job.account();
    }

    @Override
    public String region() {
      return job.region();
    }

    @Override
    public String type() {
      return "runJob";
    }

    @Override
    public String description() {
      return "Run container " + job.image() + " in " + job.account() + "/" + job.region();
    }
  }

  @Override
  public TaskExecution submit(TaskRequest request) {
    List<Map<String, Object>> job = new ArrayList<>();
    for (CloudOperation op : request.operations()) {
      job.addAll(read(() -> stages.stages(op)));
    }
    return orca.submit(new Orchestration(request, job, List.of()), null);
  }

  @Override
  public boolean isRunning(String correlationId) {
    return !orca.correlated(correlationId).isEmpty();
  }

  @Override
  public Optional<TaskExecution> task(String taskId) {
    return orca.task(taskId).map(e -> e.toTask(null));
  }

  /** The server groups as Clouddriver reports them, without the groups Orca and Titus attach to every job ({@link #implicitSecurityGroups}), which Keel does not manage. */
  @Override
  public List<TitusServerGroupState> serverGroups(String account, String region, String cluster) {
    Set<String> implicit = implicitSecurityGroups(account, region, Moniker.parse(cluster).app());
    return read(() -> clouddriver.cluster(Moniker.parse(cluster).app(), account, cluster, TitusStages.TITUS, null)
        .map(c -> reads.inRegion(c, account, region)).orElse(List.of())).stream()
        .map(j -> new TitusServerGroupState(j.name(), j.jobId(), j.createdAt(), j.enabled(),
            j.model().withDependencies(j.model().dependencies().withoutSecurityGroups(implicit)), j.instances(),
            j.policies()))
        .toList();
  }

  @Override
  public List<DockerImage> images(String registry, String repository) {
    return read(() -> TitusReads.images(clouddriver.dockerImages(registry, repository, null), repository));
  }

  @Override
  public Set<String> regions(String account) {
    return read(() -> clouddriver.credentials(account).map(c -> {
      Set<String> out = new TreeSet<>();
      c.list("regions").forEach(r -> out.add(r.node().isTextual() ? r.node().asText() : r.text("name", "")));
      return Collections.unmodifiableSet(out);
    }).orElse(Set.of()));
  }

  @Override
  public Optional<TitusAccount> account(String account) {
    return read(() -> clouddriver.credentials(account).map(c -> {
      String aws = c.text("awsAccount", "");
      String awsId = aws.isEmpty() ? "" : clouddriver.credentials(aws).map(a -> a.text("accountId", "")).orElse("");
      return new TitusAccount(c.text("name", account), aws, awsId, c.text("registry", ""),
          c.text("environment", ""));
    }));
  }

  @Override
  public boolean securityGroupExists(String awsAccount, String region, String name) {
    return read(() -> clouddriver.securityGroup(awsAccount, region, name, null).isPresent());
  }

  /**
   * Orca's default groups and the application's own group: Orca adds the first to every deploy and Titus attaches
   * the second (creating it when missing), so Keel never sends them and the job always carries them.
   */
  @Override
  public Set<String> implicitSecurityGroups(String account, String region, String application) {
    Set<String> out = new TreeSet<>(stages.defaultSecurityGroups());
    out.add(application);
    return Collections.unmodifiableSet(out);
  }

  @Override
  public String runJob(BatchJob job) {
    String registry = registry(job.account());
    RunJob op = new RunJob(job);
    TaskRequest request = new TaskRequest(job.application(), op.description(),
        "test-container:" + job.account() + ":" + job.region() + ":" + job.image(), List.of(op), null, null, null);
    return orca.submit(new Orchestration(request, List.of(TitusStages.runJob(job, registry)), List.of()), null).id();
  }

  @Override
  public Optional<BatchJob.Status> job(String jobId) {
    return orca.task(jobId).map(e -> new BatchJob.Status(e.id(), switch (e.status().state()) {
      case NOT_STARTED, RUNNING -> BatchJob.State.RUNNING;
      case SUCCEEDED -> BatchJob.State.SUCCEEDED;
      case TERMINAL -> BatchJob.State.FAILED;
    }, null, e.status().isFailure() ? e.failure() : null));
  }

  // ---- ids ----

  @Override
  public List<String> securityGroupIds(String account, String region, List<String> names) {
    String aws = account(account).map(TitusAccount::awsAccount).filter(a -> !a.isEmpty()).orElse(account);
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      ids.add(read(() -> clouddriver.securityGroup(aws, region, name, null).map(g -> g.text("id", ""))
          .filter(id -> !id.isEmpty()).orElseThrow(() -> new TitusReadException("Clouddriver knows no security group "
              + name + " in " + aws + "/" + region))));
    }
    return ids;
  }

  @Override
  public String registry(String account) {
    return account(account).map(TitusAccount::registry).filter(r -> !r.isEmpty())
        .orElseThrow(() -> new TitusReadException("Clouddriver's credentials of Titus account " + account
            + " name no docker registry"));
  }

  @Override
  public String jobId(String account, String region, String serverGroupName) {
    String cluster = Moniker.parse(serverGroupName).cluster().toName();
    return read(() -> clouddriver.cluster(Moniker.parse(cluster).app(), account, cluster, TitusStages.TITUS, null)
        .flatMap(c -> c.list("serverGroups").stream()
            .filter(g -> serverGroupName.equals(g.text("name")) && region.equals(g.text("region")))
            .findFirst().map(g -> g.text("id", "")))
        .filter(id -> !id.isEmpty())
        .orElseThrow(() -> new TitusReadException("Clouddriver knows no Titus server group " + serverGroupName
            + " in " + account + "/" + region)));
  }
}
