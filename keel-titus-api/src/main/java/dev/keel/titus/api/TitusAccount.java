package dev.keel.titus.api;

import java.util.Objects;

/**
 * A Titus account's attributes.
 *
 * @param name the account name
 * @param awsAccount the backing AWS account (security groups live there)
 * @param awsAccountId that AWS account's id
 * @param registry the Docker registry the account pulls from
 * @param environment such as {@code test} or {@code prod}
 */
public record TitusAccount(String name, String awsAccount, String awsAccountId, String registry, String environment) {
  /** Checks for nulls. */
  public TitusAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(awsAccount, "awsAccount");
    Objects.requireNonNull(awsAccountId, "awsAccountId");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(environment, "environment");
  }
}
