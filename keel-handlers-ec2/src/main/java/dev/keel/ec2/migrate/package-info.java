/**
 * Migrators from Keel's older EC2 kind versions ({@code ec2/cluster@v1}, {@code ec2/application-load-balancer@v1}
 * and {@code @v1.1}) to the current ones.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.migrate;

import javax.annotation.ParametersAreNonnullByDefault;
