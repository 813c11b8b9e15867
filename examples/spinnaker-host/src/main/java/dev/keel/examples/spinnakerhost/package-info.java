/**
 * Example. A Spinnaker-like Spring Boot 2.7 service embedding the engine through keel-spring-boot-starter, against the
 * fake Spinnaker of keel-testkit, with a sample delivery submitted at start.
 */
@ParametersAreNonnullByDefault
package dev.keel.examples.spinnakerhost;

import javax.annotation.ParametersAreNonnullByDefault;
