/**
 * Internal: not API; may change without notice. Promotion of versions through environments: the approval
 * algorithm ({@code Promotions}), the built-in evaluators, verifications, pins, vetoes and the artifact view resolvers read.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.promotion;

import javax.annotation.ParametersAreNonnullByDefault;
