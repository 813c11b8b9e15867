package dev.keel.store.jdbc;

/** Which clock the store takes lease times from. */
public enum ClockSource {

  /**
   * The database's clock: leases are given, renewed and judged expired on one clock for every instance sharing
   * the database, whatever the skew between their hosts. The default, for production. The times the engine
   * passes ({@code now} arguments) are ignored for leases; due times and retention still use them.
   */
  DATABASE,

  /**
   * The engine's clock: the {@code now} the engine passes is used for leases too. For tests on virtual time, and
   * for a single instance.
   */
  ENGINE
}
