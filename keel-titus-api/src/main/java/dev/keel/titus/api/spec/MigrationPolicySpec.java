package dev.keel.titus.api.spec;

import javax.annotation.Nullable;

/**
 * How Titus moves tasks off agents being replaced.
 *
 * @param type the policy, {@code systemDefault} by default
 */
public record MigrationPolicySpec(String type) {

  /** Keel's default. */
  public static final MigrationPolicySpec DEFAULT = new MigrationPolicySpec(null);

  /** Defaults the type. */
  public MigrationPolicySpec(@Nullable String type) {
    this.type = type == null || type.isBlank() ? "systemDefault" : type;
  }
}
