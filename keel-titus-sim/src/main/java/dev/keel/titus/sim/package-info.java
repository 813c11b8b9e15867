/** A simulated Titus behind the TitusCloud port, on an injected clock, without threads. */
@ParametersAreNonnullByDefault
package dev.keel.titus.sim;

import javax.annotation.ParametersAreNonnullByDefault;

