/**
 * Clouddriver's read endpoints as Keel calls them ({@link dev.keel.spinnaker.clouddriver.ClouddriverClient}), with
 * Keel's caches of the slow-changing catalog (networks, subnets, credentials, security group ids, certificates).
 */
@ParametersAreNonnullByDefault
package dev.keel.spinnaker.clouddriver;

import javax.annotation.ParametersAreNonnullByDefault;
