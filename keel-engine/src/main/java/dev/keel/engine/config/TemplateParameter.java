package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.Nullable;

/**
 * A parameter a template declares: its type and, if it may be omitted, its default.
 *
 * @param name the name, as in {@code ${name}}
 * @param type the type every argument must have
 * @param defaultValue the value when no argument is given, or null if an argument is required
 * @param path where it is declared, in the parsed document
 */
record TemplateParameter(String name, ParameterType type, @Nullable JsonNode defaultValue, String path) {

  boolean required() {
    return defaultValue == null;
  }
}
