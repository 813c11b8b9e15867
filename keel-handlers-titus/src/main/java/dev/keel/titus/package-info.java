/** The Titus plugin's entry point; kinds in spec, the port in cloud, the simulator in sim, handlers in handler. */
@ParametersAreNonnullByDefault
package dev.keel.titus;

import javax.annotation.ParametersAreNonnullByDefault;
