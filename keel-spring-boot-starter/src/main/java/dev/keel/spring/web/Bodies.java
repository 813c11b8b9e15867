package dev.keel.spring.web;

import dev.keel.spring.api.ApiException;
import dev.keel.spring.api.VersionTarget;
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

  /** The version a body names, with its {@code comment}; the environment from the body or the path. */
  static VersionTarget target(@Nullable Map<String, Object> body, String environment, String referenceField,
      String versionField) {
    return new VersionTarget(environment, required(body, referenceField), required(body, versionField),
        optional(body, "comment"));
  }

  @Nullable
  static String optional(@Nullable Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    return value == null ? null : value.toString();
  }
}
