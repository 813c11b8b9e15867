package dev.keel.store.jdbc;

import dev.keel.spi.KeelException;

/**
 * The store's tables do not match this code, so the store refuses to start: a migration script applied earlier
 * has a different checksum now (it was edited after it ran), the schema is newer than this code knows (a newer
 * release migrated it), or there is no schema and migrations are switched off. The message names the table
 * prefix, the version and, for a checksum, both values.
 */
public class SchemaMismatchException extends KeelException {

  /**
   * An exception saying what does not match.
   *
   * @param message the mismatch and what to do about it
   */
  public SchemaMismatchException(String message) {
    super(message);
  }
}
