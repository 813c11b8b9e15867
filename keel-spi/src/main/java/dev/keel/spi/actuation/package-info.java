/**
 * What a handler plans and launches: actuations made of typed operations, and the tasks that carry them
 * out in the cloud with their status.
 */
@ParametersAreNonnullByDefault
package dev.keel.spi.actuation;

import javax.annotation.ParametersAreNonnullByDefault;
