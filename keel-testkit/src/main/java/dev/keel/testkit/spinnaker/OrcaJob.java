package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.HourWindow;
import dev.keel.titus.api.BatchJob;
import java.time.Duration;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A task submitted to Orca's {@code POST /ops}, read: the cloud it runs on, its operations (or batch job), and
 * the helpers around them (the execution it depends on, its time window, a final wait), with the submitted
 * stages and trigger kept for answering {@code GET /tasks/{id}}.
 *
 * @param target the cloud
 * @param application the application
 * @param description what it does
 * @param correlationId the trigger's correlation id, or a made-up one when it has none
 * @param operations the cloud operations, in stage order
 * @param batchJob the batch job of a {@code runJob} stage, or null
 * @param afterTask the execution a {@code dependsOnExecution} stage waits for, or null
 * @param window the hours a restricted stage may start in, or null
 * @param waitAfter the final {@code wait} stage's time, or null
 * @param stages every submitted stage, helpers included
 * @param trigger the submitted trigger, or null
 * @param user the {@code X-SPINNAKER-USER}
 * @param origin the {@code X-SPINNAKER-USER-ORIGIN}, or null
 */
record OrcaJob(Target target, String application, String description, String correlationId,
    List<CloudOperation> operations, @Nullable BatchJob batchJob, @Nullable String afterTask,
    @Nullable HourWindow window, @Nullable Duration waitAfter, List<JsonView> stages, @Nullable JsonView trigger,
    String user, @Nullable String origin) {

  /** The cloud a task runs on. */
  enum Target {
    /** EC2 stages ({@code cloudProvider: aws}, bakes). */
    EC2,
    /** Titus stages ({@code cloudProvider: titus}, {@code runJob}). */
    TITUS
  }

  /**
   * The task as the cloud runs it.
   *
   * @param cloudCorrelationId the correlation id the cloud gets (another than Orca's once a canceled task of that
   *     id still runs in the cloud)
   * @return the request
   */
  TaskRequest request(String cloudCorrelationId) {
    return new TaskRequest(application, description, cloudCorrelationId, operations, afterTask, window, waitAfter);
  }
}
