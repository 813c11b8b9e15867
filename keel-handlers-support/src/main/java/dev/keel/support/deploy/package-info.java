/**
 * Deploy strategies as users declare them (red-black, highlander, none, rolling-push) and the order of a
 * staggered deploy across regions.
 */
@ParametersAreNonnullByDefault
package dev.keel.support.deploy;

import javax.annotation.ParametersAreNonnullByDefault;
