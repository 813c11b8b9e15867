package dev.keel.ec2;

import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/**
 * The plugin's lifecycle class; it has nothing to start, its extensions do the work. Its one constructor takes the
 * {@link PluginWrapper}: Spinnaker's kork builds a plugin class through its only constructor and, in its framework
 * V2, needs the wrapper the plugin was given; this engine uses that constructor too.
 */
public class Ec2Plugin extends Plugin {

  /**
   * Creates the plugin.
   *
   * @param wrapper the plugin's wrapper
   */
  @SuppressWarnings("deprecation") // PF4J deprecates this constructor, but kork 7.254 (PF4J 3.10) requires it
  public Ec2Plugin(PluginWrapper wrapper) {
    super(wrapper);
  }
}
