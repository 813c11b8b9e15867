/**
 * API. Promotion's values: the built-in constraint types ({@code depends-on}, {@code manual-judgement},
 * {@code allowed-times}, {@code pipeline}), what {@code PromotionControl.status} reports
 * ({@link dev.keel.engine.promotion.EnvironmentPromotion}, {@link dev.keel.engine.promotion.VersionPromotion}) and
 * {@link dev.keel.engine.promotion.InvalidVetoException}.
 *
 * <p>The promotion algorithm and the evaluators are in {@code dev.keel.engine.internal.promotion}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.promotion;

import javax.annotation.ParametersAreNonnullByDefault;
