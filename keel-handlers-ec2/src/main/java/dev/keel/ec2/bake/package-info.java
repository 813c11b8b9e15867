/**
 * The bakery (Keel's bakery plugin, reference §6): AMIs baked from the versions of Debian artifacts that
 * declare {@code vmOptions}, through the {@link dev.keel.ec2.api.Ec2Cloud} port's {@code bake} operation.
 *
 * <p>{@link dev.keel.ec2.bake.Bakery} decides what to bake (no AMI: every region; some regions missing:
 * those; AMIs on an outdated base image and {@code ignoreBaseUpdates} off: every region again), launches
 * bake tasks deduplicated by the correlation id {@code bake:<appVersion>}, follows them, counts failed
 * attempts and gives up after a configured number until the base image changes, and publishes
 * {@code Bake*} plugin events. {@link dev.keel.ec2.bake.BakeConstraintEvaluator} is the implicit
 * {@code bake} constraint that drives it for candidate versions; the
 * {@link dev.keel.ec2.resolve.ImageResolver} drives it for approved versions, which is how a new base
 * image re-bakes the versions clusters run and, once baked, redeploys them.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2.bake;

import javax.annotation.ParametersAreNonnullByDefault;

