/** Titus vetoes: wait for the security groups a cluster names in the backing AWS account. */
@ParametersAreNonnullByDefault
package dev.keel.titus.veto;

import javax.annotation.ParametersAreNonnullByDefault;
