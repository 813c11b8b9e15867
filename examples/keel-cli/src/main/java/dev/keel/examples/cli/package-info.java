/**
 * The keel command line: validate, plan, run and export delivery configs against the plugins' simulated
 * clouds on virtual time, driven by scenario files. {@link dev.keel.examples.cli.Main} is the entry point.
 */
@ParametersAreNonnullByDefault
package dev.keel.examples.cli;

import javax.annotation.ParametersAreNonnullByDefault;
