/**
 * The Titus plugin's extensions that work only against a real Spinnaker ({@code cloud: spinnaker}): elsewhere each
 * says it is not configured and the engine skips it alone.
 */
@ParametersAreNonnullByDefault
package dev.keel.titus.spinnaker;

import javax.annotation.ParametersAreNonnullByDefault;
