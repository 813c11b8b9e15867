package dev.keel.support.sim;

import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.cloud.api.ServerGroupOperation;
import javax.annotation.Nullable;

/**
 * What a simulated cloud has of its own in how it models server groups, beside the mechanics every cloud shares
 * ({@link SimClusters}): how it reports a server group, what enabling and disabling change in its model, and the
 * ids it gives server groups and scaling policies.
 *
 * @param <G> the cloud's server group model
 * @param <P> its scaling policies
 * @param <S> what the cloud reports of one server group
 */
public abstract class SimCloudModel<G extends ClusterServerGroup<G, P>, P extends ScalingPolicies<P>, S> {

  /** For subclasses. */
  protected SimCloudModel() {}

  /**
   * What the cloud reports of a server group.
   *
   * @param group the server group as reads see it
   * @param reported its model as reported: named after it, with the capacity the cloud reports
   * @param instances its instances' health now
   * @return the cloud's state
   */
  protected abstract S state(SimServerGroup.Snapshot<G> group, G reported, InstanceCounts instances);

  /**
   * A model as that of a server group.
   *
   * @param model the model
   * @param name the server group's name
   * @param id the cloud's id for it, or null
   * @return the model named after it
   */
  protected abstract G named(G model, String name, @Nullable String id);

  /**
   * The cloud's id for a new server group.
   *
   * @return the id, or null when the cloud gives none (the default)
   */
  @Nullable
  protected String newId() {
    return null;
  }

  /**
   * What disabling changes in a model besides the enabled flag.
   *
   * @param model the model
   * @return the model of the disabled group; the same by default
   */
  protected G disabled(G model) {
    return model;
  }

  /**
   * What enabling changes in a model besides the enabled flag.
   *
   * @param model the model
   * @return the model of the enabled group; the same by default
   */
  protected G enabled(G model) {
    return model;
  }

  /**
   * Called after a server group's model changed, for a cloud that keeps more about it (such as the ids of
   * its scaling policies). Does nothing by default.
   *
   * @param group the server group
   */
  protected void changed(SimServerGroup<G> group) {}

  /**
   * Deletes scaling policies from a server group: by content by default.
   *
   * @param group the server group
   * @param delete the operation
   * @return why it cannot, or null when deleted
   */
  @Nullable
  protected String deletePolicies(SimServerGroup<G> group, ServerGroupOperation.DeleteScalingPolicies<P> delete) {
    group.model = group.model.withScaling(group.model.scaling().minus(delete.policies()));
    return null;
  }

  /**
   * Replaces a server group's model, for a cloud's own changes.
   *
   * @param group the server group
   * @param model its new model
   */
  protected final void replaceModel(SimServerGroup<G> group, G model) {
    group.model = model;
  }
}
