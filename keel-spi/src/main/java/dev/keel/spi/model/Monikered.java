package dev.keel.spi.model;

/**
 * A spec named by a {@link Moniker}; its application is the moniker's application.
 */
public interface Monikered extends ResourceSpec {

  /**
   * The resource's name.
   *
   * @return the moniker
   */
  Moniker moniker();

  @Override
  default String application() {
    return moniker().app();
  }

  @Override
  default String displayName() {
    return moniker().toName();
  }
}
