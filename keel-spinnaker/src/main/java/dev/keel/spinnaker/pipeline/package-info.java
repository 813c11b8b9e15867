/**
 * What Spinnaker adds to promotion: the {@code pipeline} constraint run through Orca
 * ({@link dev.keel.spinnaker.pipeline.PipelineConstraintEvaluator}) and Docker versions read from Clouddriver's
 * registry endpoints ({@link dev.keel.spinnaker.pipeline.DockerArtifactSupplier}).
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.pipeline;

import javax.annotation.ParametersAreNonnullByDefault;
