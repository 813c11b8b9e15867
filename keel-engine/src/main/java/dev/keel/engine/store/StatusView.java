package dev.keel.engine.store;

import java.util.List;

/**
 * A read-only view of where every stored delivery config stands: its resources' statuses and its artifacts'
 * promotions, read without decoding resource specs, so that it needs none of the plugins whose kinds the configs
 * use (a {@code keel status} that runs nothing). {@link KeelStore} reads it from the other concerns by default; a
 * store that decodes specs to read configs (as a database does) overrides it to read {@link StatusOutline}s from
 * its rows and passes them to {@link StoredStatus#read}.
 */
public interface StatusView {

  /**
   * Every stored config's status, by config name. Reads only; nothing is created, checked or written.
   *
   * @return the statuses
   */
  List<StoredStatus> storedStatuses();
}
