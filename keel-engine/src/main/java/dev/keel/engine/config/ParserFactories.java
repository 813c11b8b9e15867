package dev.keel.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parser factories with the reader's limits applied at the parser too, where the Jackson and SnakeYAML
 * on the classpath support it. A host on an older Jackson (2.13 has neither {@code LoaderOptions} on the
 * YAML factory builder nor {@code StreamReadConstraints}) still gets the limits {@link LocatedTree}
 * enforces itself.
 */
final class ParserFactories {

  private static final Logger LOG = LoggerFactory.getLogger(ParserFactories.class);

  private ParserFactories() {}

  static JsonFactory yaml(ReaderLimits limits) {
    try {
      var options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported, all of them, by LocatedTree
      options.setMaxAliasesForCollections(Math.max(1, limits.maxAliases()));
      options.setNestingDepthLimit(limits.maxNestingDepth() + 1);
      options.setCodePointLimit(limits.maxDocumentChars() + 1);
      return constrain(YAMLFactory.builder().loaderOptions(options)).build();
    } catch (LinkageError e) {
      LOG.debug("YAML parser limits unavailable on this Jackson/SnakeYAML; relying on the reader's own", e);
      return new YAMLFactory();
    }
  }

  static JsonFactory json(ReaderLimits limits) {
    try {
      return constrain(new com.fasterxml.jackson.core.JsonFactoryBuilder()).build();
    } catch (LinkageError e) {
      LOG.debug("JSON parser limits unavailable on this Jackson; relying on the reader's own", e);
      return new JsonFactory();
    }
  }

  private static <F extends JsonFactory, B extends com.fasterxml.jackson.core.TSFBuilder<F, B>> B constrain(B builder) {
    try {
      return builder.streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Integer.MAX_VALUE) // LocatedTree reports depth with a location
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(1_000)
          .build());
    } catch (LinkageError e) {
      return builder;
    }
  }
}
