/**
 * The resource check: Keel's sequence of steps from a stored resource to an actuation (pause, actuation in
 * progress, resolvers, desired and current in parallel under deadlines, diff, vetoes and the give-up
 * policy, willTakeAction, plan, execute), its events, the persisted state and the status derived from it.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.check;

import javax.annotation.ParametersAreNonnullByDefault;
