/**
 * A simulated EC2 behind the {@code Ec2Cloud} port: tasks that progress on the injected clock (computed
 * lazily, no threads), deploy strategies, sequence numbers, instance health over time, bakes on a base
 * image catalog, read lag and faults.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.sim;

import javax.annotation.ParametersAreNonnullByDefault;

