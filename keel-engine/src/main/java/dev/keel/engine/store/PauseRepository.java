package dev.keel.engine.store;

import java.util.Optional;

/**
 * Pauses of applications and resources. A pause outlives the config of what it pauses: deleting and
 * storing a config again leaves it paused.
 */
public interface PauseRepository {

  /**
   * Saves a pause, replacing one of the same scope and name.
   *
   * @param pause the pause
   */
  void savePause(Pause pause);

  /**
   * Removes a pause.
   *
   * @param scope the scope
   * @param name the application or resource id
   * @return whether there was one
   */
  boolean removePause(PauseScope scope, String name);

  /**
   * A pause.
   *
   * @param scope the scope
   * @param name the application or resource id
   * @return the pause, if any
   */
  Optional<Pause> pause(PauseScope scope, String name);
}
