/**
 * Internal. Operations for the host's actuator and Micrometer: the engine's health, and metrics fed from its events.
 */
@ParametersAreNonnullByDefault
package dev.keel.spring.actuate;

import javax.annotation.ParametersAreNonnullByDefault;
