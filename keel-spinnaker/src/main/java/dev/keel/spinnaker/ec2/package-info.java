/**
 * The {@code Ec2Cloud} port over Clouddriver and Orca: {@link dev.keel.spinnaker.ec2.HttpEc2Cloud}, the parsers of
 * Clouddriver's EC2 payloads into the port's models ({@link dev.keel.spinnaker.ec2.Ec2Reads}) and the stages Keel
 * sends for each operation ({@link dev.keel.spinnaker.ec2.Ec2Stages}).
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.ec2;

import javax.annotation.ParametersAreNonnullByDefault;
