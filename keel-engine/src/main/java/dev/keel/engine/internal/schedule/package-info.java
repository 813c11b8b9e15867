/**
 * Internal: not API; may change without notice. The {@code WorkQueue} (due-time heap, dedupe, per-key serial,
 * bounded concurrency, priorities, token-bucket rate limits) and {@code DeadlineCalls} (every extension call under a deadline).
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.schedule;

import javax.annotation.ParametersAreNonnullByDefault;
