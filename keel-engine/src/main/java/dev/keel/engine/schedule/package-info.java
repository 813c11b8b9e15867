/**
 * API. Time and calls as hosts see them: the {@link dev.keel.engine.schedule.Scheduler} over the injected clock (real:
 * {@link dev.keel.engine.schedule.SystemScheduler}; virtual: keel-testkit's {@code VirtualScheduler}), the
 * {@link dev.keel.engine.schedule.RateLimit} and {@link dev.keel.engine.schedule.Backoff} settings of
 * {@code EngineConfig}, and the failures a deadline-bound call ends with ({@link dev.keel.engine.schedule.DeadlineExceeded},
 * {@link dev.keel.engine.schedule.CallRefused}).
 *
 * <p>The work queue and the deadline calls are in {@code dev.keel.engine.internal.schedule}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.schedule;

import javax.annotation.ParametersAreNonnullByDefault;
