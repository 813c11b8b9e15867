/**
 * Internal: not API; may change without notice. The resource check in Keel's order, from a stored resource to an
 * actuation ({@code ResourceChecker}, {@code ResourceCheck}), the {@code ActuationGate} promotion implements, and the
 * {@code EventRecorder} that drops repeated check results.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.check;

import javax.annotation.ParametersAreNonnullByDefault;
