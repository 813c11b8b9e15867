package dev.keel.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.TagVersionStrategy;
import java.io.IOException;
import java.util.Set;

/** The Jackson mapper that binds config values: strict about unknown and missing values, java.time aware. */
final class ConfigMapper {

  private ConfigMapper() {}

  /** The creators of {@link RegionSpec}, named for Jackson. */
  @SuppressWarnings("unused")
  abstract static class RegionSpecCreators {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    RegionSpecCreators(@JsonProperty("name") String name, @JsonProperty("availabilityZones") Set<String> zones) {}

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    RegionSpecCreators(String name) {}
  }

  static ObjectMapper create() {
    var names = new SimpleModule("keel-config-names");
    names.addDeserializer(TagVersionStrategy.class, new JsonDeserializer<>() {
      @Override
      public TagVersionStrategy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        try {
          return TagVersionStrategy.fromFriendlyName(text);
        } catch (IllegalArgumentException e) {
          throw ctxt.weirdStringException(text, TagVersionStrategy.class, e.getMessage());
        }
      }
    });
    // A region is written by its name alone (us-east-1) or with its zones ({name: us-east-1, availabilityZones:
    // [...]}). Jackson 2.15+ finds both creators of the record by itself; 2.13, a Spinnaker host's, needs them named.
    names.setMixInAnnotation(RegionSpec.class, RegionSpecCreators.class);
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(names)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // A missing primitive takes its default (false, 0), so specs can use primitives for optional flags.
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // capacity.min: 3.7 is a mistake to report, not a 3 to take silently.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }
}
