package dev.keel.resolvers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Reads policy rules from plain values, as the host loads them from YAML:
 *
 * <pre>
 * policies:
 *   - name: prod-capacity
 *     select: {kind: ec2/cluster, environment: production}
 *     atLeast: {path: /capacity/min, value: 3}
 *   - name: retire-m4
 *     replace: {path: /launchConfiguration/instanceType, from: m4.large, to: m5.large}
 * </pre>
 *
 * Each rule has a {@code name}, an optional {@code select} (kind, application, environment, account) and
 * exactly one action: {@code default}, {@code force}, {@code replace} or {@code atLeast}. Every problem
 * of every rule is reported at once.
 */
public final class PolicyRules {

  private static final Set<String> ACTIONS = Set.of("default", "force", "replace", "atLeast");
  private static final Set<String> RULE_KEYS = Set.of("name", "select", "default", "force", "replace", "atLeast");
  private static final Set<String> SELECT_KEYS = Set.of("kind", "application", "environment", "account");

  private PolicyRules() {}

  /**
   * Parses and validates rules.
   *
   * @param raw the list under {@code policies}, or null for none
   * @return the rules, in order
   * @throws PolicyException listing every problem
   */
  public static List<PolicyRule> parse(Object raw) {
    if (raw == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<PolicyRule> rules = new ArrayList<>();
    if (!(raw instanceof List<?> list)) {
      throw new PolicyException(List.of("policies: expected a list of rules"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "policies[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> rule)) {
        problems.add(at + ": expected a mapping with name and an action");
        continue;
      }
      Object name = rule.get("name");
      String label = at + (name == null ? "" : " (" + name + ")");
      if (name == null || name.toString().isBlank()) {
        problems.add(at + ".name: every rule needs a name");
      } else if (!names.add(name.toString())) {
        problems.add(label + ".name: another rule is already named '" + name + "'");
      }
      for (Object key : rule.keySet()) {
        if (!RULE_KEYS.contains(String.valueOf(key))) {
          problems.add(label + ": unknown field '" + key + "'; use name, select and one of default, force, replace, atLeast");
        }
      }
      ResourceSelector selector = selector(rule.get("select"), label, problems);
      List<String> actions = rule.keySet().stream().map(String::valueOf).filter(ACTIONS::contains).toList();
      if (actions.size() != 1) {
        problems.add(label + ": needs exactly one action (default, force, replace or atLeast), found "
            + (actions.isEmpty() ? "none" : String.join(", ", actions)));
        continue;
      }
      PolicyAction action = action(actions.get(0), rule.get(actions.get(0)), label + "." + actions.get(0), problems);
      if (action != null && selector != null && name != null) {
        rules.add(new PolicyRule(name.toString(), selector, action));
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return List.copyOf(rules);
  }

  private static ResourceSelector selector(Object raw, String label, List<String> problems) {
    if (raw == null) {
      return new ResourceSelector(null, null, null, null);
    }
    if (!(raw instanceof Map<?, ?> m)) {
      problems.add(label + ".select: expected a mapping of kind, application, environment, account");
      return null;
    }
    for (Object key : m.keySet()) {
      if (!SELECT_KEYS.contains(String.valueOf(key))) {
        problems.add(label + ".select: unknown criterion '" + key + "'; use kind, application, environment or account");
      }
    }
    try {
      return new ResourceSelector(text(m.get("kind")), text(m.get("application")), text(m.get("environment")),
          text(m.get("account")));
    } catch (IllegalArgumentException e) {
      problems.add(label + ".select.kind: " + e.getMessage());
      return null;
    }
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static PolicyAction action(String type, Object raw, String at, List<String> problems) {
    if (!(raw instanceof Map<?, ?> m)) {
      problems.add(at + ": expected a mapping with a path");
      return null;
    }
    Object path = m.get("path");
    if (path == null || !path.toString().startsWith("/")) {
      problems.add(at + ".path: expected a JSON pointer such as /capacity/min");
      return null;
    }
    String p = path.toString();
    switch (type) {
      case "default", "force" -> {
        if (!m.containsKey("value") || m.get("value") == null) {
          problems.add(at + ".value: missing");
          return null;
        }
        return type.equals("default") ? new PolicyAction.SetDefault(p, m.get("value")) : new PolicyAction.Force(p, m.get("value"));
      }
      case "replace" -> {
        if (m.get("from") == null || m.get("to") == null) {
          problems.add(at + ": needs both from and to");
          return null;
        }
        return new PolicyAction.Replace(p, m.get("from"), m.get("to"));
      }
      default -> {
        Double minimum = number(m.get("value"));
        if (minimum == null) {
          problems.add(at + ".value: expected a number, got " + m.get("value"));
          return null;
        }
        return new PolicyAction.AtLeast(p, minimum);
      }
    }
  }

  /**
   * A number, or a string holding one: a Spinnaker host resolves plugin configuration from its properties, which
   * give every value as a string ({@code value: 3} arrives as {@code "3"}).
   */
  @Nullable
  private static Double number(@Nullable Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
