/**
 * Promotion of artifact versions through environments: the built-in constraint types
 * ({@code depends-on}, {@code manual-judgement}, {@code allowed-times}, {@code pipeline}) and their rules.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.promotion;

import javax.annotation.ParametersAreNonnullByDefault;
