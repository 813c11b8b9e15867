/**
 * The resolved per-region models the handlers diff: what desired state resolves to and what the cloud
 * reads back, for server groups, security groups and load balancers.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.api.model;

import javax.annotation.ParametersAreNonnullByDefault;

