package dev.keel.spi.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A Spinnaker pipeline must run successfully for each version before it enters this environment. The
 * type is part of Keel's config format; it is evaluated by the Spinnaker adapter, and an engine without
 * one shows it as pending.
 *
 * @param pipelineId the pipeline to run
 * @param timeout how long a run may take; two hours when omitted
 * @param retries how many times a failed run is retried; none when omitted
 * @param parameters pipeline parameters
 */
public record PipelineConstraint(
    String pipelineId, @Nullable Duration timeout, @Nullable Integer retries, Map<String, Object> parameters)
    implements Constraint {

  /** The type name, {@value}. */
  public static final String TYPE = "pipeline";

  /** Applies defaults and checks the values. */
  public PipelineConstraint {
    Objects.requireNonNull(pipelineId, "pipelineId");
    timeout = timeout == null ? Duration.ofHours(2) : timeout;
    retries = retries == null ? 0 : retries;
    if (retries < 0) {
      throw new IllegalArgumentException("pipeline retries must not be negative");
    }
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  @Override
  public String type() {
    return TYPE;
  }
}
