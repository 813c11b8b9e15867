package dev.keel.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * The resources a store manages, as the stored delivery configs declare them (see
 * {@link DeliveryConfigRepository#storeDeliveryConfig}), and each one's state.
 */
public interface ResourceRepository {

  /**
   * A managed resource.
   *
   * @param id the resource id
   * @return the resource, if managed
   */
  Optional<StoredResource> resource(String id);

  /**
   * Every managed resource.
   *
   * @return the resources, by id
   */
  List<StoredResource> resources();

  /**
   * A resource's state.
   *
   * @param id the resource id
   * @return the state, or the initial state if never saved
   */
  ResourceState state(String id);

  /**
   * Saves a resource's state.
   *
   * @param state the state
   */
  void saveState(ResourceState state);

  /**
   * Saves a resource's state for a claimed check, only while the check's lease is held.
   *
   * @param state the state
   * @param lease the lease of the check's claim
   * @throws LeaseLostException, saving nothing, if the lease is no longer held
   */
  void saveState(ResourceState state, Lease lease);
}
