/** The Titus cluster handler, export, where the plugin finds its cloud, and the task monitor. */
@ParametersAreNonnullByDefault
package dev.keel.titus.handler;

import javax.annotation.ParametersAreNonnullByDefault;

