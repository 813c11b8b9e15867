package dev.keel.spi.diff;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One difference between desired and current state.
 */
public interface Change {

  /**
   * What kind of difference this is.
   *
   * @return the operation
   */
  ChangeOp op();

  /**
   * Where the difference is, as an RFC 6901 JSON Pointer over the JSON property names and map keys of
   * the model, with keyed collection elements written as a selector segment, for example
   * {@code /us-west-2/scaling/targetTrackingPolicies/[metric=CPUUtilization]/targetValue}.
   *
   * @return the path; {@code ""} for the root
   */
  String path();

  /**
   * The path's segments, unescaped.
   *
   * @return the segments, empty for the root
   */
  List<String> segments();

  /**
   * The desired value at the path.
   *
   * @return the value, or null for {@link ChangeOp#REMOVE}
   */
  @Nullable
  Object desired();

  /**
   * The current value at the path.
   *
   * @return the value, or null for {@link ChangeOp#ADD}
   */
  @Nullable
  Object current();

  /**
   * Whether the value is {@link Sensitive}; renderings then mask it.
   *
   * @return true for a secret
   */
  boolean sensitive();
}
