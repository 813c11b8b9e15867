/**
 * The extension points of the Keel SDK: resource handlers, resolvers, constraint and verification
 * evaluators, vetoes, task monitors, artifact suppliers and spec migrators, and what the engine gives them.
 *
 * <p>Plugins compile against this module only. Its signatures use nothing but the JDK, PF4J's
 * {@link org.pf4j.ExtensionPoint} and JSR-305 annotations, so that a plugin runs on any host.
 */
@ParametersAreNonnullByDefault
package dev.keel.spi;

import javax.annotation.ParametersAreNonnullByDefault;
