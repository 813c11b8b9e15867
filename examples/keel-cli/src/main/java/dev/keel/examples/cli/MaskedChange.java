package dev.keel.examples.cli;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A change as the CLI shows it: its values taken from the diff's delta rendering, which masks every
 * {@code @Sensitive} value, also one nested inside a changed object (a new resource is one change of the
 * whole model). A {@link Change}'s own values are the model's, secrets in clear.
 *
 * @param op the operation
 * @param path the change's path, {@code ""} for the whole model
 * @param desired the masked desired value, as plain JSON values
 * @param current the masked current value, as plain JSON values
 */
record MaskedChange(ChangeOp op, String path, @Nullable Object desired, @Nullable Object current) {

  /** The changes of a diff, in its order, with masked values. */
  static List<MaskedChange> of(ResourceDiff<?> diff) {
    Map<String, Object> delta = diff.toDeltaJson();
    List<MaskedChange> out = new ArrayList<>();
    for (Change c : diff.changes()) {
      // The delta is keyed by the path as displayed: "/" for the whole model.
      Object entry = delta.get(c.path().isEmpty() ? "/" : c.path());
      Map<?, ?> values = entry instanceof Map<?, ?> m ? m : Map.of();
      out.add(new MaskedChange(c.op(), c.path(), values.get("desired"), values.get("current")));
    }
    return List.copyOf(out);
  }
}
