/**
 * The read side of the generic diff between a resource's desired and current state, and the
 * annotations with which a model tells the differ what to ignore, how to match elements and what to hide.
 */
@ParametersAreNonnullByDefault
package dev.keel.spi.diff;

import javax.annotation.ParametersAreNonnullByDefault;
