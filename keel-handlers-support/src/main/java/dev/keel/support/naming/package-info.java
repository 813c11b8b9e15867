/**
 * Server group names: {@code <cluster>-vNNN} with a sequence that increases on every deploy and wraps at
 * 1000.
 */
@ParametersAreNonnullByDefault
package dev.keel.support.naming;

import javax.annotation.ParametersAreNonnullByDefault;
