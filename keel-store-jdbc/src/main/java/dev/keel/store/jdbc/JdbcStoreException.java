package dev.keel.store.jdbc;

import dev.keel.spi.KeelException;

/**
 * The database failed an operation of the store: a lost connection, a timeout, a refused statement, or a
 * conflict that persisted through the store's retries. The operation's transaction was rolled back, so nothing
 * of it was written; the caller (a check, a submission) fails and may try again.
 */
public class JdbcStoreException extends KeelException {

  /**
   * An exception saying which operation failed and why.
   *
   * @param message the operation and the database's reason
   * @param cause the driver's exception
   */
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
