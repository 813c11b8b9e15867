/**
 * Orca: task submission with Keel's envelope and correlation ids ({@link dev.keel.spinnaker.orca.OrcaClient},
 * {@link dev.keel.spinnaker.orca.Orchestration}), task and pipeline execution status
 * ({@link dev.keel.spinnaker.orca.OrcaExecution}, {@link dev.keel.spinnaker.orca.OrcaStatus}).
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.orca;

import javax.annotation.ParametersAreNonnullByDefault;
