package dev.keel.titus.verify;

import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.KeelContext;
import dev.keel.spi.VerificationContext;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.handler.TitusClouds;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Evaluates {@code test-container}: starts the image as a Titus batch job in the verification's account and
 * region (with {@code ENVIRONMENT}, {@code ARTIFACT_REFERENCE} and {@code ARTIFACT_VERSION} set), then
 * passes when the container exits 0 and fails otherwise.
 */
@Extension
public final class TestContainerEvaluator implements VerificationEvaluator<TestContainerVerification> {

  static final String JOB_ID = "jobId";

  private final TitusCloud cloud;

  /**
   * An evaluator over the context's cloud.
   *
   * @param context the plugin's context
   */
  public TestContainerEvaluator(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * An evaluator over a cloud.
   *
   * @param cloud the cloud
   */
  public TestContainerEvaluator(TitusCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String type() {
    return TestContainerVerification.TYPE;
  }

  @Override
  public Class<TestContainerVerification> verificationClass() {
    return TestContainerVerification.class;
  }

  @Override
  public Map<String, String> start(TestContainerVerification v, VerificationContext context) {
    Map<String, String> env = new java.util.TreeMap<>(v.env());
    env.put("ENVIRONMENT", context.environment().name());
    env.put("ARTIFACT_REFERENCE", context.artifactReference());
    env.put("ARTIFACT_VERSION", context.version());
    String application = v.application() != null ? v.application() : context.deliveryConfig().application();
    String id = cloud.runJob(new BatchJob(v.location().account(), v.location().region(), application, v.image(),
        v.entrypoint(), env));
    return Map.of(JOB_ID, id);
  }

  @Override
  public ConstraintOutcome evaluate(TestContainerVerification v, VerificationContext context) {
    String id = context.startMetadata().get(JOB_ID);
    if (id == null) {
      return ConstraintOutcome.fail("The test container " + v.image() + " was never started (no job id recorded)");
    }
    return cloud.job(id).map(s -> switch (s.state()) {
      case RUNNING -> ConstraintOutcome.pending("Test container " + v.image() + " (job " + id + ") is running");
      case SUCCEEDED -> new ConstraintOutcome(ConstraintOutcome.Result.PASS, "Test container " + v.image()
          + " exited 0", Map.of(JOB_ID, id));
      case FAILED -> new ConstraintOutcome(ConstraintOutcome.Result.FAIL, s.message(), Map.of(JOB_ID, id));
    }).orElseGet(() -> ConstraintOutcome.fail("Titus knows no job " + id + " for test container " + v.image()));
  }
}
