/**
 * The EC2 kinds and their spec records as users write them in delivery configs: clusters, security groups,
 * classic and application load balancers, with Keel's fields, defaults, overrides and validation messages.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.api.spec;

import javax.annotation.ParametersAreNonnullByDefault;

