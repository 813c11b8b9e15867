/**
 * The generic desired-versus-current differ: compiled per-class plans over Jackson's view of a model,
 * collection semantics, ignores, comparators and the {@link dev.keel.spi.diff.ResourceDiff} it produces.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.diff;

import javax.annotation.ParametersAreNonnullByDefault;
