/**
 * The {@code Ec2Cloud} port: typed reads of EC2 state and catalog (base images included), typed operations
 * (a sealed family, {@code bake} included), and
 * task submission with correlation ids and status. The simulated EC2 and, later, Clouddriver/Orca adapters
 * implement it.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.cloud;

import javax.annotation.ParametersAreNonnullByDefault;
