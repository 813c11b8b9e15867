package dev.keel.ec2.spinnaker;

import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.KeelContext;
import dev.keel.spi.NotConfiguredException;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spinnaker.SpinnakerClouds;
import dev.keel.spinnaker.orca.OrcaClient;
import dev.keel.spinnaker.pipeline.PipelineConstraintEvaluator;
import org.pf4j.Extension;

/**
 * Evaluates {@code pipeline} constraints through the Orca of a plugin configured with {@code cloud: spinnaker}
 * ({@link PipelineConstraintEvaluator}). It joins the engine's built-in {@code pipeline} type; when both cloud
 * plugins are configured for Spinnaker both offer it and the engine uses one, so give them the same Orca.
 */
@Extension
public final class SpinnakerPipelineConstraints extends PipelineConstraintEvaluator
    implements ConstraintEvaluator<PipelineConstraint> {

  /**
   * The evaluator of the plugin's Spinnaker.
   *
   * @param context the plugin's context
   * @throws NotConfiguredException unless the plugin is configured with {@code cloud: spinnaker}
   */
  public SpinnakerPipelineConstraints(KeelContext context) {
    super(orca(context));
  }

  private static OrcaClient orca(KeelContext context) {
    if (!Ec2Clouds.PORT.spinnaker(context)) {
      throw new NotConfiguredException("pipeline constraints need plugin " + Ec2Clouds.PORT.pluginId()
          + " configured with cloud: spinnaker");
    }
    return SpinnakerClouds.of(context, Ec2Clouds.PORT.pluginId()).orca();
  }
}
