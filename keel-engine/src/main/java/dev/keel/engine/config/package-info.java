/**
 * Reading delivery configs and single resources from YAML or JSON: binding specs to the classes their
 * kinds declare, migrating old kind versions, filling environment locations, and validating the whole.
 *
 * <p>Every problem is reported with its source, line, column and path, all problems of a document together.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.config;

import javax.annotation.ParametersAreNonnullByDefault;
