package dev.keel.testkit;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the contracts of a store's concerns share: a new, empty store for each test. The type parameter is
 * the least a store must implement for the contract's tests, the concern under test and what they need to
 * set it up (most need a {@link dev.keel.engine.store.DeliveryConfigRepository} to manage resources).
 *
 * @param <S> the store's type
 */
public abstract class StoreConcernContract<S> {

  /** When the tests start. */
  protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  /** How long the tests' claims on due checks last. */
  protected static final Duration LEASE = Duration.ofMinutes(5);

  /** The store under test, new and empty for each test. */
  protected S store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract S newStore();

  /** Creates the store under test. */
  @BeforeEach
  void createStore() {
    store = newStore();
  }
}
