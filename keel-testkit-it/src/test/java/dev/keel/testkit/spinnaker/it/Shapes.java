package dev.keel.testkit.spinnaker.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the field structure of a real payload with the fake's: every field the real one has must be there,
 * with the same JSON type, recursively (each element of a real array against the fake element closest to it in
 * shape). Values do not matter, and a
 * field that is {@code null} in the real payload only needs to exist.
 */
final class Shapes {

  private Shapes() {}

  /**
   * What the fake's payload lacks or types differently.
   *
   * @param real the real payload
   * @param fake the fake's
   * @param ignored paths the fake leaves out on purpose, such as {@code disruptionBudget} or
   *     {@code execution.stages[].tasks[]}; a path ending in {@code .*} is a map whose keys vary, checked to be an
   *     object but not field by field
   * @return one line per difference, with its path
   */
  static List<String> differences(JsonNode real, JsonNode fake, Set<String> ignored) {
    List<String> out = new ArrayList<>();
    compare(real, fake, "", ignored, out);
    return out;
  }

  private static void compare(JsonNode real, JsonNode fake, String path, Set<String> ignored, List<String> out) {
    if (ignored.contains(path) || real.isNull()) {
      return;
    }
    if (fake == null || fake.isMissingNode()) {
      out.add("missing " + path);
      return;
    }
    if (fake.isNull()) {
      out.add(path + ": null, the real payload has " + real.getNodeType());
      return;
    }
    if (real.getNodeType() != fake.getNodeType()) {
      out.add(path + ": " + fake.getNodeType() + ", the real payload has " + real.getNodeType());
      return;
    }
    if (real.isObject() && ignored.contains(path + ".*")) {
      return;
    }
    if (real.isObject()) {
      real.fieldNames().forEachRemaining(f -> compare(real.get(f), fake.get(f), path.isEmpty() ? f : path + "." + f,
          ignored, out));
    } else if (real.isArray() && real.size() > 0 && fake.size() > 0) {
      for (JsonNode element : real) {
        List<String> closest = null;
        for (JsonNode candidate : fake) {
          List<String> d = new ArrayList<>();
          compare(element, candidate, path + "[]", ignored, d);
          if (closest == null || d.size() < closest.size()) {
            closest = d;
          }
        }
        closest.stream().filter(d -> !out.contains(d)).forEach(out::add);
      }
    }
  }
}
