package dev.keel.engine.plan;

import dev.keel.spi.actuation.Operation;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceStatus;
import java.util.List;
import javax.annotation.Nullable;

/**
 * What the engine would do for one resource, and why.
 *
 * @param resourceId the resource
 * @param kind its kind
 * @param action the decision
 * @param status the status the resource would have after this check
 * @param desired the desired model, or null if it could not be computed; it may hold {@code @Sensitive}
 *     values in clear, so render it through {@link #diff()}, never by its {@code toString} or a plain mapper
 * @param current the current model, or null if the resource does not exist or could not be read; as desired
 * @param diff the diff, or null if it could not be computed; its renderings mask {@code @Sensitive} values
 * @param resolvers the resolvers applied, in order
 * @param blockedBy the veto, pause or handler refusal that blocks action, or null
 * @param operations the operations the handler would run, in order
 * @param message an explanation (error, veto or wait reason), or null
 */
public record ResourcePlan(
    String resourceId,
    ResourceKind kind,
    PlannedAction action,
    ResourceStatus status,
    @Nullable Object desired,
    @Nullable Object current,
    @Nullable ResourceDiff<?> diff,
    List<ResolverApplication> resolvers,
    @Nullable String blockedBy,
    List<Operation> operations,
    @Nullable String message) {

  /** Copies the lists. */
  public ResourcePlan {
    resolvers = List.copyOf(resolvers);
    operations = List.copyOf(operations);
  }

  /**
   * The plan without the models, whose own {@code toString} may print secrets: the diff appears as its
   * masked rendering, the operations by their descriptions.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ResourcePlan[").append(resourceId).append(' ').append(kind).append(": ")
        .append(action).append(", ").append(status);
    if (blockedBy != null) {
      sb.append(", blocked by ").append(blockedBy);
    }
    if (message != null) {
      sb.append(", ").append(message);
    }
    for (Operation op : operations) {
      sb.append(", + ").append(op.type()).append(": ").append(op.description());
    }
    if (diff != null && diff.hasChanges()) {
      sb.append(", diff:\n").append(diff.render().stripTrailing());
    }
    for (ResolverApplication r : resolvers) {
      sb.append(", ").append(r);
    }
    return sb.append(']').toString();
  }
}
