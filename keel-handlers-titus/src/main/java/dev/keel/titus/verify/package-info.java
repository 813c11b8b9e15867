/** The test-container verification: a container run as a batch job that passes when it exits 0. */
@ParametersAreNonnullByDefault
package dev.keel.titus.verify;

import javax.annotation.ParametersAreNonnullByDefault;
