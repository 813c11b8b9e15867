/** The titus/cluster@v1 kind and its spec records, as Keel's configs write them. */
@ParametersAreNonnullByDefault
package dev.keel.titus.api.spec;

import javax.annotation.ParametersAreNonnullByDefault;

