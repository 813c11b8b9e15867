package dev.keel.ec2.sim;

import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/**
 * The plugin's lifecycle class, named by {@code plugin.class}; it has nothing to start, its extensions do the work.
 * Spinnaker's kork needs one: it loads the class the descriptor names (none is no default there) and builds it
 * through its only constructor, which must take the {@link PluginWrapper} in kork's framework V2.
 */
public class Ec2SimPlugin extends Plugin {

  /**
   * Creates the plugin.
   *
   * @param wrapper the plugin's wrapper
   */
  @SuppressWarnings("deprecation") // PF4J deprecates this constructor, but kork 7.254 (PF4J 3.10) requires it
  public Ec2SimPlugin(PluginWrapper wrapper) {
    super(wrapper);
  }
}
