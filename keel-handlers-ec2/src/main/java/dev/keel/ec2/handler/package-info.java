/**
 * The EC2 resource handlers (clusters, security groups, load balancers), how they reach the cloud, and the
 * task monitor of the tasks they launch.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.handler;

import javax.annotation.ParametersAreNonnullByDefault;
