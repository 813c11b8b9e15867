/**
 * When work runs: the {@link dev.keel.engine.schedule.Scheduler} abstraction over the injected clock (real
 * or virtual), the {@link dev.keel.engine.schedule.WorkQueue} with its dedupe, per-key serial execution,
 * bounded concurrency, priorities and rate limits, and retry back-off.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.schedule;

import javax.annotation.ParametersAreNonnullByDefault;
