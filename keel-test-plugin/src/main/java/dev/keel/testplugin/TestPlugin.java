package dev.keel.testplugin;

import org.pf4j.Plugin;

/** The plugin's lifecycle class; it has nothing to start, its extensions do the work. */
public class TestPlugin extends Plugin {

  /** Creates the plugin. */
  public TestPlugin() {}
}
