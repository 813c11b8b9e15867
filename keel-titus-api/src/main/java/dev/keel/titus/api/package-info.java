/**
 * The {@code TitusCloud} port, host-provided (jar {@code dev.keel:keel-titus-api}, loaded host-first by every
 * plugin): typed reads of jobs, images and accounts, tasks of the shared server group operations, and batch
 * jobs. The simulated Titus ({@code dev.keel.titus-sim}) implements it, and so does a host that brings its own
 * Titus.
 */
@ParametersAreNonnullByDefault
package dev.keel.titus.api;

import javax.annotation.ParametersAreNonnullByDefault;

