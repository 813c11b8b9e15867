/**
 * The EC2 resolvers: the AMI of the approved version per region, network (subnet purpose, zones), the
 * account's default key pair, and load balancer defaults ({@code <app>-elb}, default forward action).
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.resolve;

import javax.annotation.ParametersAreNonnullByDefault;
