/**
 * API: the config reader's entry points. {@link dev.keel.engine.config.ConfigReader} reads delivery configs and
 * single resources from YAML or JSON against a {@link dev.keel.engine.config.KindRegistry}, within
 * {@link dev.keel.engine.config.ReaderLimits}, and reports every problem of a document at once
 * ({@link dev.keel.engine.config.ConfigException}, each {@link dev.keel.engine.config.ConfigProblem} with source, line,
 * column and path); {@link dev.keel.engine.config.ConfigSpecCodec} binds specs as the reader does.
 *
 * <p>Templates are a pre-processing step of the reader: a document's {@code templates}, their instantiations and
 * environments declared {@code like} others are expanded on the located tree before binding, so that binding,
 * validation and everything downstream see ordinary resources, and every problem is placed where the value was
 * written. {@link dev.keel.engine.config.ConfigReader#render} prints the expansion in Keel's plain format;
 * {@link dev.keel.engine.config.TemplateProvenance} says where an expanded resource came from.
 *
 * <p>Binding, migration, location filling, template expansion and validation are package-private beside the reader.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.config;

import javax.annotation.ParametersAreNonnullByDefault;
