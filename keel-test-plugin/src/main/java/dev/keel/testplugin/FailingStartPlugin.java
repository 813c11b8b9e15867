package dev.keel.testplugin;

import org.pf4j.Plugin;

/**
 * A plugin class whose start fails, used when a test rewrites {@code plugin.class} to it.
 */
public class FailingStartPlugin extends Plugin {

  /** Creates the plugin. */
  public FailingStartPlugin() {}

  /** Fails, as a plugin that cannot reach something it needs would. */
  @Override
  public void start() {
    throw new IllegalStateException("widget backend unreachable");
  }
}
