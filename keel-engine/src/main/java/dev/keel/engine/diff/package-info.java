/**
 * API, deliberately small. The generic desired-versus-current differ: {@link dev.keel.engine.diff.Differ} and its
 * {@link dev.keel.engine.diff.DifferBuilder} produce the {@link dev.keel.spi.diff.ResourceDiff} that checks act on.
 *
 * <p>The differ is public because handler tests (keel-handlers-titus's read-back property test) and the benchmarks
 * diff models exactly as the engine's checks do; what else is public ({@code CollectionSemantics},
 * {@code ValueComparator}, the {@code DiffException}s) is what the builder takes or the differ throws. Everything
 * else here (plans, walks, renderings) is package-private, so it stays beside the differ rather than under
 * {@code dev.keel.engine.internal}: moving it there would make it public.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.diff;

import javax.annotation.ParametersAreNonnullByDefault;
