package dev.keel.ec2.bake;

import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.Resource;
import java.util.List;
import org.pf4j.Extension;

/**
 * The implicit {@code bake} constraint (Keel's {@code ImageExistsConstraintEvaluator}): a version of a Debian
 * artifact with {@code vmOptions} cannot enter any environment until it has an AMI on the current base image
 * (any base with {@code ignoreBaseUpdates}) in every one of the artifact's regions. Evaluating it drives the
 * {@link Bakery}: it launches the bake of the missing regions, follows it, retries a failed bake and gives
 * up after the configured attempts. Other artifacts pass.
 *
 * <p>It is stateful so that the engine persists its state and shows it in the promotion status: PENDING
 * while baking (attributes {@code status=BAKING} and per region {@code region.<name>} = AMI id,
 * {@code baking} or {@code missing}), PASS when baked, FAIL with the reason once the bakery gave up; a
 * cloud read error leaves it PENDING (with its previous attributes), since a FAIL would be final. A
 * pending bake of the newest version keeps older versions out, as for any stateful constraint. Bake events
 * go to the histories of the environment's resources that use the artifact.
 */
@Extension
public final class BakeConstraintEvaluator implements ConstraintEvaluator<BakeConstraint> {

  private final Bakery bakery;

  /**
   * The plugin's evaluator, over the context's bakery.
   *
   * @param context the plugin's context
   */
  public BakeConstraintEvaluator(KeelContext context) {
    this(Bakeries.of(context));
  }

  /**
   * An evaluator over a bakery.
   *
   * @param bakery the bakery
   */
  public BakeConstraintEvaluator(Bakery bakery) {
    this.bakery = bakery;
  }

  @Override
  public String type() {
    return BakeConstraint.TYPE;
  }

  @Override
  public Class<BakeConstraint> constraintClass() {
    return BakeConstraint.class;
  }

  @Override
  public boolean implicit() {
    return true;
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public BakeConstraint implicitInstance() {
    return new BakeConstraint();
  }

  @Override
  public ConstraintOutcome evaluate(BakeConstraint constraint, PromotionContext context) {
    if (!Ec2Operation.Bake.bakes(context.artifact())) {
      return ConstraintOutcome.pass();
    }
    DebianArtifact artifact = (DebianArtifact) context.artifact();
    bakery.register(context.deliveryConfig().name(), artifact);
    List<String> waiting = context.environment().resources().stream()
        .filter(r -> r.spec() instanceof ArtifactReferencing a && artifact.reference().equals(a.artifactReference()))
        .map(Resource::id).toList();
    BakeStatus status;
    try {
      status = bakery.ensureBaked(context.deliveryConfig().application(), artifact, context.version(), waiting);
    } catch (Ec2ReadException e) {
      // A failed read decides nothing: a FAIL would be final for this stateful constraint.
      return new ConstraintOutcome(ConstraintOutcome.Result.PENDING, "Could not read the images of "
          + Ec2Operation.Bake.appVersion(artifact.name(), context.version()) + " (will retry): " + e.getMessage(),
          context.previousAttributes());
    }
    ConstraintOutcome.Result result = switch (status.state()) {
      case BAKED -> ConstraintOutcome.Result.PASS;
      case BAKING -> ConstraintOutcome.Result.PENDING;
      case FAILED -> ConstraintOutcome.Result.FAIL;
    };
    return new ConstraintOutcome(result, status.message(), status.attributes(artifact.vmOptions().regions()));
  }
}
