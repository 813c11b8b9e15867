/**
 * API. The starter's auto-configuration: the {@code keel.*} properties, the engine built from them (store, plugins,
 * the host's customizers), and its lifecycle with the application context.
 */
@ParametersAreNonnullByDefault
package dev.keel.spring.autoconfigure;

import javax.annotation.ParametersAreNonnullByDefault;
