/** The order of a staggered deploy across regions: which region waits for which, in which hours, then pauses. */
@ParametersAreNonnullByDefault
package dev.keel.support.deploy;

import javax.annotation.ParametersAreNonnullByDefault;

