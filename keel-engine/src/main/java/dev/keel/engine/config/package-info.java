/**
 * API: the config reader's entry points. {@link dev.keel.engine.config.ConfigReader} reads delivery configs and
 * single resources from YAML or JSON against a {@link dev.keel.engine.config.KindRegistry}, within
 * {@link dev.keel.engine.config.ReaderLimits}, and reports every problem of a document at once
 * ({@link dev.keel.engine.config.ConfigException}, each {@link dev.keel.engine.config.ConfigProblem} with source, line,
 * column and path); {@link dev.keel.engine.config.ConfigSpecCodec} binds specs as the reader does.
 *
 * <p>Binding, migration, location filling and validation are package-private beside the reader.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.config;

import javax.annotation.ParametersAreNonnullByDefault;
