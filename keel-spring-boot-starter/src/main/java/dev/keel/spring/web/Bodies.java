package dev.keel.spring.web;

import dev.keel.spring.api.ApiException;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** Reads the fields of a JSON request body, refusing a missing one with a 400 that names it. */
final class Bodies {

  private Bodies() {}

  static String required(@Nullable Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (value == null || value.toString().isBlank()) {
      throw new ApiException(400, "The request body needs \"" + field + "\"", List.of());
    }
    return value.toString();
  }

  @Nullable
  static String optional(@Nullable Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    return value == null ? null : value.toString();
  }
}
