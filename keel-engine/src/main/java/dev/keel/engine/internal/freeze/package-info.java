/**
 * Internal: not API; may change without notice. {@code Freezes}, the veto that enforces declared and operator
 * change freezes and their overrides, and reports their status.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.freeze;

import javax.annotation.ParametersAreNonnullByDefault;
