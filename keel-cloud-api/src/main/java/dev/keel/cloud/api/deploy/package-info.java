/**
 * Deploy strategies as users declare them ({@code deployWith}: red-black, highlander, none, rolling-push, with
 * staggered regions and hour windows) and as clouds run them.
 */
@ParametersAreNonnullByDefault
package dev.keel.cloud.api.deploy;

import javax.annotation.ParametersAreNonnullByDefault;

