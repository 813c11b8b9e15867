package dev.keel.resolvers;

import dev.keel.spi.model.Resource;
import java.util.Optional;

/**
 * Recommends values for specs, such as a capacity team's instance types. A host registers one as a
 * service ({@code KeelEngine.builder().service(RecommendationSource.class, source)}).
 */
@FunctionalInterface
public interface RecommendationSource {

  /**
   * A recommended value.
   *
   * @param resource the resource
   * @param path the JSON pointer of the value in its spec
   * @return the recommendation, or empty for none
   */
  Optional<Object> recommend(Resource<?> resource, String path);
}
