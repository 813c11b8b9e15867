package dev.keel.titus;

import org.pf4j.Plugin;

/** The plugin's lifecycle class; it has nothing to start, its extensions do the work. */
public class TitusPlugin extends Plugin {

  /** Creates the plugin. */
  public TitusPlugin() {}
}
