/**
 * The keel command line: validate, plan, run and export delivery configs against the plugins' simulated
 * clouds on virtual time (directly, or through a fake Spinnaker), driven by scenario files, and serve a fake
 * Spinnaker for a host. {@link dev.keel.examples.cli.Main} is the entry point.
 */
@ParametersAreNonnullByDefault
package dev.keel.examples.cli;

import javax.annotation.ParametersAreNonnullByDefault;
