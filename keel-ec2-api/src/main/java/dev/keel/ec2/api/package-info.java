/**
 * The {@code Ec2Cloud} port, host-provided (jar {@code dev.keel:keel-ec2-api}, loaded host-first by every
 * plugin): typed reads of EC2 state and catalog (base images included), the EC2 operations beside the shared
 * server group operations ({@code bake} included), and task submission with correlation ids and status. The
 * simulated EC2 ({@code dev.keel.ec2-sim}) implements it, and so does a host that brings its own EC2.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.api;

import javax.annotation.ParametersAreNonnullByDefault;

