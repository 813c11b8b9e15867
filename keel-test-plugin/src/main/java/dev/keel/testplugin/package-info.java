/**
 * A small real PF4J plugin for keel-engine's plugin-loading tests: the {@code test/widget@v1} kind with
 * its handler and resolver, and the {@code quota} constraint type.
 */
@ParametersAreNonnullByDefault
package dev.keel.testplugin;

import javax.annotation.ParametersAreNonnullByDefault;
