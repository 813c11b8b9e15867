package dev.keel.engine.internal.plugin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plugin's {@code Plugin-Requires} in PF4J's form or Spinnaker's, as the engine version constraint.
 * In Spinnaker's form the entry for this engine's own service name, {@value #SERVICE}, counts; without one,
 * the entry for Spinnaker's Keel, {@value #KEEL}, does, so that one descriptor ({@code keel>=0.1.0}) serves
 * both this engine and a Keel service.
 */
final class PluginRequires {

  /** This engine's service name in Spinnaker-style {@code Plugin-Requires} ({@code keel-sdk>=0.2.0}). */
  static final String SERVICE = "keel-sdk";

  /** Spinnaker's Keel service, whose requirement this engine also accepts ({@code keel>=0.1.0}). */
  static final String KEEL = "keel";

  private static final Pattern EXACT_VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
  private static final Pattern SERVICE_REQUIREMENT = Pattern.compile("^([A-Za-z][\\w.-]*?)\\s*([<>=~^!].*)$");

  private PluginRequires() {}

  /**
   * The version expression the engine version must satisfy.
   *
   * @param requires the non-empty {@code Plugin-Requires}
   * @param exactVersionAllowed whether a bare version means exactly it; otherwise it means at least it
   * @throws IllegalArgumentException if a Spinnaker-style list cannot be read or names neither {@value #SERVICE}
   *     nor {@value #KEEL}
   */
  static String expression(String requires, boolean exactVersionAllowed) {
    String expression = Character.isLetter(requires.charAt(0)) ? serviceRequirement(requires) : requires;
    if (!exactVersionAllowed && EXACT_VERSION.matcher(expression).matches()) {
      expression = ">=" + expression;
    }
    return expression;
  }

  /** The {@value #SERVICE} constraint of a Spinnaker-style requirement list, else its {@value #KEEL} one. */
  private static String serviceRequirement(String requires) {
    String found = null;
    String keel = null;
    for (String part : requires.split(",")) {
      Matcher m = SERVICE_REQUIREMENT.matcher(part.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("its Plugin-Requires '" + requires + "' is not a version expression: '"
            + part.trim() + "' is neither a version range nor service>=version");
      }
      if (SERVICE.equalsIgnoreCase(m.group(1))) {
        found = m.group(2).trim();
      } else if (KEEL.equalsIgnoreCase(m.group(1))) {
        keel = m.group(2).trim();
      }
    }
    if (found == null && keel == null) {
      throw new IllegalArgumentException("its Plugin-Requires '" + requires + "' names no requirement for "
          + SERVICE + " or " + KEEL + ": it is a plugin for another service");
    }
    return found != null ? found : keel;
  }
}
