package dev.keel.examples.embedding;

import dev.keel.spi.model.Constraint;
import javax.annotation.Nullable;

/**
 * The {@code security-scan} constraint: a version enters the environment only if the build system published it
 * with a passed security scan in its metadata.
 *
 * <pre>{@code
 * constraints:
 * - type: security-scan
 *   metadataKey: securityScan   # optional, this by default
 * }</pre>
 *
 * @param metadataKey the version metadata entry holding the scan's result; {@value #DEFAULT_KEY} when omitted
 */
public record SecurityScanConstraint(@Nullable String metadataKey) implements Constraint {

  /** The constraint type, {@value}. */
  public static final String TYPE = "security-scan";

  /** The metadata key read when the constraint names none, {@value}. */
  public static final String DEFAULT_KEY = "securityScan";

  /** Applies the default key. */
  public SecurityScanConstraint {
    metadataKey = metadataKey == null ? DEFAULT_KEY : metadataKey;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
