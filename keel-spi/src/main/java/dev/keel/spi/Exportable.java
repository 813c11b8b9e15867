package dev.keel.spi;

import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.ResourceKind;
import java.util.Objects;
import java.util.Set;

/**
 * An existing cloud resource to describe as a spec.
 *
 * @param kind the kind to export as
 * @param account the cloud account
 * @param moniker the resource's name
 * @param regions the regions to look in
 * @param user who asked, for authorisation and audit
 */
public record Exportable(ResourceKind kind, String account, Moniker moniker, Set<String> regions, String user) {

  /** Checks for nulls and copies the regions. */
  public Exportable {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(moniker, "moniker");
    Objects.requireNonNull(user, "user");
    regions = regions == null ? Set.of() : Set.copyOf(regions);
  }
}
