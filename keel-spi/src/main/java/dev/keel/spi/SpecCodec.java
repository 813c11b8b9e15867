package dev.keel.spi;

import dev.keel.spi.model.ResourceSpec;
import java.util.Map;

/**
 * Turns specs into plain values (maps, lists, strings, numbers, booleans) and back, with the same property
 * names as the config format. Resolvers that edit specs generically, by path, use it; the engine provides
 * it through {@link KeelContext#specCodec()}, so plugins need no serialisation library.
 */
public interface SpecCodec {

  /**
   * A spec as plain values.
   *
   * @param spec the spec
   * @return its properties, as in the config format
   */
  Map<String, Object> toMap(ResourceSpec spec);

  /**
   * A spec from plain values, validated as when read from a config.
   *
   * @param values the properties
   * @param type the spec class
   * @param <S> the spec type
   * @return the spec
   * @throws IllegalArgumentException if the values do not make a valid spec of that class; the message
   *     says which property is wrong
   */
  <S extends ResourceSpec> S fromMap(Map<String, Object> values, Class<S> type);
}
