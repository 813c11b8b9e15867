package dev.keel.resolvers;

import java.util.Objects;

/**
 * One operator rule: which resources, and what to do to one value of their specs.
 *
 * @param name the rule's name, unique among the rules
 * @param select which resources it applies to
 * @param action what it does
 */
public record PolicyRule(String name, ResourceSelector select, PolicyAction action) {

  /** Checks for nulls. */
  public PolicyRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(action, "action");
  }
}
