/**
 * The {@code TitusCloud} port over Clouddriver and Orca: {@link dev.keel.spinnaker.titus.HttpTitusCloud}, the
 * parser of Clouddriver's Titus server groups ({@link dev.keel.spinnaker.titus.TitusReads}) and the stages Keel
 * sends ({@link dev.keel.spinnaker.titus.TitusStages}), the test container's {@code runJob} included.
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.titus;

import javax.annotation.ParametersAreNonnullByDefault;
