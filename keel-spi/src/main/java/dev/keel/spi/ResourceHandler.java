package dev.keel.spi;

import dev.keel.spi.actuation.ActionDecision;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.util.List;
import javax.annotation.Nullable;
import org.pf4j.ExtensionPoint;

/**
 * Manages the resources of one kind: computes their desired and current state, plans how to converge
 * them, and executes the plan.
 *
 * <p>{@code R} is the resolved model the engine diffs, often {@code Map<region, X>} for multi-region
 * resources. {@link #desired} and {@link #plan} are pure; only {@link #current} and {@link #execute}
 * touch the outside world. Calls block; the engine runs them on its executor under the deadline in
 * {@link ResourceContext#deadline()}, desired and current in parallel.
 *
 * @param <S> the spec type
 * @param <R> the resolved model type
 */
public interface ResourceHandler<S extends ResourceSpec, R> extends ExtensionPoint {

  /**
   * The kind this handler manages and the spec class the kind's YAML binds to.
   *
   * @return the supported kind
   */
  SupportedKind<S> supportedKind();

  /**
   * The desired state, from a spec the engine's resolvers have already completed. Pure.
   *
   * @param resource the resolved resource
   * @param context the check's context
   * @return the desired model
   * @throws ResourceCurrentlyUnresolvable when something the desired state needs is not available yet
   */
  R desired(Resource<S> resource, ResourceContext context);

  /**
   * The current state in the cloud.
   *
   * @param resource the resource
   * @param context the check's context
   * @return the current model, or null when the resource does not exist at all
   */
  @Nullable
  R current(Resource<S> resource, ResourceContext context);

  /**
   * Whether the handler will act on a diff; by default it will.
   *
   * @param resource the resolved resource
   * @param diff the diff between desired and current
   * @return the decision
   */
  default ActionDecision willTakeAction(Resource<S> resource, ResourceDiff<R> diff) {
    return ActionDecision.act();
  }

  /**
   * The operations that would converge current to desired. Pure: nothing may be changed here. When
   * {@code diff.current()} is null the resource is to be created.
   *
   * @param resource the resolved resource
   * @param diff the diff between desired and current
   * @param context the check's context
   * @return the actuation, empty if nothing needs doing
   */
  Actuation plan(Resource<S> resource, ResourceDiff<R> diff, ResourceContext context);

  /**
   * Runs a planned actuation, launching tasks in the cloud.
   *
   * @param resource the resolved resource
   * @param actuation what {@link #plan} returned
   * @param context the check's context
   * @return the launched tasks, which a {@link TaskMonitor} then follows
   */
  List<Task> execute(Resource<S> resource, Actuation actuation, ResourceContext context);

  /**
   * Whether work launched earlier for this resource is still running; if so the engine skips the check.
   *
   * @param resource the resource
   * @param context the check's context
   * @return true while an actuation is in progress
   */
  default boolean actuationInProgress(Resource<S> resource, ResourceContext context) {
    return false;
  }

  /**
   * The operations that would delete the resource; by default deletion is not supported.
   *
   * @param resource the resource
   * @param context the check's context
   * @return the actuation
   * @throws UnsupportedOperationException if the handler cannot delete
   */
  default Actuation planDelete(Resource<S> resource, ResourceContext context) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete " + resource.kind());
  }

  /**
   * A spec that describes an existing cloud resource, leaving defaults out; by default export is not
   * supported.
   *
   * @param exportable what to export
   * @return the spec
   * @throws UnsupportedOperationException if the handler cannot export
   */
  default S export(Exportable exportable) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot export " + exportable.kind());
  }
}
