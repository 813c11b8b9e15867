/**
 * Building blocks of the simulated clouds: a timeline of events driven lazily by the injected clock, so a
 * simulator needs no thread of its own and runs exactly on virtual time.
 */
@ParametersAreNonnullByDefault
package dev.keel.support.sim;

import javax.annotation.ParametersAreNonnullByDefault;

