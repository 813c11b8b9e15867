package dev.keel.titus.handler;

import dev.keel.spi.KeelContext;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.titus.api.TitusCloud;
import org.pf4j.Extension;

/** Reports the status of the tasks the Titus cluster handler launched (system {@value TitusCloud#SYSTEM}). */
@Extension
public final class TitusTaskMonitor extends CloudTaskMonitor {

  /**
   * A monitor over the context's cloud; over another, {@code new CloudTaskMonitor(TitusClouds.tasks(cloud))}.
   *
   * @param context the plugin's context
   */
  public TitusTaskMonitor(KeelContext context) {
    super(TitusClouds.tasks(TitusClouds.of(context)));
  }
}
