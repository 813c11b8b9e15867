/** How a cloud plugin finds the cloud it talks to, and fails loudly when there is none. */
@ParametersAreNonnullByDefault
package dev.keel.support.cloud;

import javax.annotation.ParametersAreNonnullByDefault;

