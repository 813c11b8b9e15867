package dev.keel.testplugin;

import java.util.concurrent.CountDownLatch;
import org.pf4j.Plugin;

/**
 * A plugin class whose start never returns (until interrupted), used when a test rewrites
 * {@code plugin.class} to it: a plugin waiting forever on a backend that does not answer.
 */
public class HangingStartPlugin extends Plugin {

  private final CountDownLatch never = new CountDownLatch(1);

  /** Creates the plugin. */
  public HangingStartPlugin() {}

  /** Waits on a latch nothing counts down; an interrupt ends the wait with an exception. */
  @Override
  public void start() {
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }
}
