package dev.keel.titus.it;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusServerGroupState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host's own Titus, implemented from the keel-titus-api jar on the host's class path: it records every call the
 * plugin makes and answers from a cloud of its own (here a simulated Titus).
 */
final class HostsTitus implements TitusCloud {

  private final TitusCloud backend;
  private final List<String> calls = new ArrayList<>();
  private final List<TaskRequest> submitted = new ArrayList<>();

  HostsTitus(TitusCloud backend) {
    this.backend = backend;
  }

  /** The methods the plugin called, in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The tasks the plugin submitted. */
  synchronized List<TaskRequest> submitted() {
    return List.copyOf(submitted);
  }

  private synchronized void called(String method) {
    calls.add(method);
  }

  @Override
  public List<TitusServerGroupState> serverGroups(String account, String region, String cluster) {
    called("serverGroups");
    return backend.serverGroups(account, region, cluster);
  }

  @Override
  public TaskExecution submit(TaskRequest request) {
    synchronized (this) {
      calls.add("submit");
      submitted.add(request);
    }
    return backend.submit(request);
  }

  @Override
  public boolean isRunning(String correlationId) {
    called("isRunning");
    return backend.isRunning(correlationId);
  }

  @Override
  public Optional<TaskExecution> task(String taskId) {
    called("task");
    return backend.task(taskId);
  }

  @Override
  public List<DockerImage> images(String registry, String repository) {
    called("images");
    return backend.images(registry, repository);
  }

  @Override
  public Set<String> regions(String account) {
    called("regions");
    return backend.regions(account);
  }

  @Override
  public Optional<TitusAccount> account(String account) {
    called("account");
    return backend.account(account);
  }

  @Override
  public boolean securityGroupExists(String awsAccount, String region, String name) {
    called("securityGroupExists");
    return backend.securityGroupExists(awsAccount, region, name);
  }

  @Override
  public String runJob(BatchJob job) {
    called("runJob");
    return backend.runJob(job);
  }

  @Override
  public Optional<BatchJob.Status> job(String jobId) {
    called("job");
    return backend.job(jobId);
  }
}
