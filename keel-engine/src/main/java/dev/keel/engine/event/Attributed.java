package dev.keel.engine.event;

/**
 * An event that records a person's (or the engine's, {@code dev.keel.engine.Actor.SYSTEM}) change: a submitted or
 * deleted config, a pause or resume, a removed pin or veto, a freeze override. Lets a host read who made any of them
 * without knowing each type.
 */
public interface Attributed {

  /**
   * Who made the change.
   *
   * @return the user, as the host named it
   */
  String by();
}
