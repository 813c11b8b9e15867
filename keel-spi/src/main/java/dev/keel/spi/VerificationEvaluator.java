package dev.keel.spi;

import dev.keel.spi.model.Verification;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Runs a verification, such as a smoke test, against the version deployed in an environment.
 *
 * @param <V> the verification type
 */
public interface VerificationEvaluator<V extends Verification> extends ExtensionPoint {

  /**
   * The verification type as written in configs; unique among evaluators.
   *
   * @return the type, such as {@code test-container}
   */
  String type();

  /**
   * The class the verification's YAML binds to.
   *
   * @return the verification class
   */
  Class<V> verificationClass();

  /**
   * Starts the verification, launching whatever it runs.
   *
   * @param verification the verification
   * @param context the version and environment
   * @return metadata to persist and pass back to {@link #evaluate}, such as a job id
   */
  Map<String, String> start(V verification, VerificationContext context);

  /**
   * Reports how a started verification is doing.
   *
   * @param verification the verification
   * @param context the version and environment, with the start metadata
   * @return pass, fail or pending
   */
  ConstraintOutcome evaluate(V verification, VerificationContext context);
}
