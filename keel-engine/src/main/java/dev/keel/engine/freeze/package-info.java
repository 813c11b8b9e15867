/**
 * API. Change-freeze values: {@link dev.keel.engine.freeze.OperatorFreeze} and {@link dev.keel.engine.freeze.FreezeScope}
 * for {@code EngineConfig}, and the {@link dev.keel.engine.freeze.FreezeStatus} that {@code FreezeControl} reports.
 *
 * <p>The veto that enforces freezes is in {@code dev.keel.engine.internal.freeze}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.freeze;

import javax.annotation.ParametersAreNonnullByDefault;
