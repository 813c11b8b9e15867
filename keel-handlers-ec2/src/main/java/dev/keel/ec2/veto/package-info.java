/**
 * Vetoes that hold back clusters and load balancers until the security groups, load balancers and target
 * groups they need exist (status MISSING_DEPENDENCY).
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.veto;

import javax.annotation.ParametersAreNonnullByDefault;
