/**
 * Change freezes: windows declared per environment or by the operator during which no actuation starts,
 * the veto that enforces them, emergency overrides, and what the engine reports about them.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.freeze;

import javax.annotation.ParametersAreNonnullByDefault;
