package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spi.KeelContext;
import dev.keel.support.task.CloudTaskMonitor;
import org.pf4j.Extension;

/** Reports the status of the tasks the EC2 handlers launched (system {@value Ec2Cloud#SYSTEM}). */
@Extension
public final class Ec2TaskMonitor extends CloudTaskMonitor {

  /**
   * A monitor over the context's cloud; over another, {@code new CloudTaskMonitor(Ec2Clouds.tasks(cloud))}.
   *
   * @param context the plugin's context
   */
  public Ec2TaskMonitor(KeelContext context) {
    super(Ec2Clouds.tasks(Ec2Clouds.of(context)));
  }
}
