/** The Titus cluster handler, the context-to-cloud registry and the task monitor. */
@ParametersAreNonnullByDefault
package dev.keel.titus.handler;

import javax.annotation.ParametersAreNonnullByDefault;
