/** The TitusCloud port: typed reads, typed operations run as asynchronous tasks, batch jobs. */
@ParametersAreNonnullByDefault
package dev.keel.titus.cloud;

import javax.annotation.ParametersAreNonnullByDefault;
