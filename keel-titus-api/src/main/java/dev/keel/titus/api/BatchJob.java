package dev.keel.titus.api;

import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A batch job: a container run to completion, as the test-container verification launches it.
 *
 * @param account the Titus account
 * @param region the region
 * @param application the application it runs as
 * @param image {@code organization/image:tag}
 * @param entrypoint the command, or null for the image's
 * @param env environment variables
 */
public record BatchJob(String account, String region, String application, String image, @Nullable String entrypoint,
    Map<String, String> env) {
  /** Checks and copies. */
  public BatchJob {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(image, "image");
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /**
   * A batch job's progress.
   *
   * @param id the job id
   * @param state where it is
   * @param exitCode the container's exit code once it ended, else null
   * @param message why it failed, or null
   */
  public record Status(String id, State state, @Nullable Integer exitCode, @Nullable String message) {}

  /** Batch job states. */
  public enum State {
    /** Accepted, or the container runs. */
    RUNNING,
    /** The container exited 0. */
    SUCCEEDED,
    /** The container exited non-zero or could not start. */
    FAILED
  }
}
