package dev.keel.engine.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.spi.SpecCodec;
import dev.keel.spi.model.ResourceSpec;
import java.util.Map;

/**
 * The engine's {@link SpecCodec}: specs to plain values and back with the config reader's mapping, so a
 * spec rebuilt from values is validated exactly as one read from a config. Thread-safe.
 */
public final class ConfigSpecCodec implements SpecCodec {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper = ConfigMapper.create();

  /** A codec. */
  public ConfigSpecCodec() {}

  @Override
  public Map<String, Object> toMap(ResourceSpec spec) {
    return mapper.convertValue(spec, MAP);
  }

  @Override
  public <S extends ResourceSpec> S fromMap(Map<String, Object> values, Class<S> type) {
    try {
      return mapper.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m : e;
      String message = cause instanceof com.fasterxml.jackson.databind.JsonMappingException m
          ? TypedBinder.messageOf(m) + pathOf(m) : e.getMessage();
      throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + ": " + message, e);
    }
  }

  private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (var ref : e.getPath()) {
      p.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
    }
    return p.length() == 0 ? "" : " (at " + p + ")";
  }
}
