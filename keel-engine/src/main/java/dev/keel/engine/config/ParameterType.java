package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type of a template parameter, which every argument and default must have. */
enum ParameterType {
  STRING("string"),
  INT("int"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  LIST("list"),
  MAP("map");

  private final String label;

  ParameterType(String label) {
    this.label = label;
  }

  /** The names a template may declare, as written. */
  static List<String> names() {
    return Arrays.stream(values()).map(t -> t.label).collect(Collectors.toUnmodifiableList());
  }

  /** The type with a name; {@code integer} is read as {@code int}. */
  static Optional<ParameterType> named(String name) {
    String n = name.equals("integer") ? "int" : name;
    return Arrays.stream(values()).filter(t -> t.label.equals(n)).findFirst();
  }

  /** Whether a value has this type; {@code null} has every type, and means the value is absent. */
  boolean accepts(JsonNode value) {
    return value.isNull() || switch (this) {
      case STRING -> value.isTextual();
      case INT -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case LIST -> value.isArray();
      case MAP -> value.isObject();
    };
  }

  /** Whether values of this type can be written into a longer string. */
  boolean scalar() {
    return this != LIST && this != MAP;
  }

  @Override
  public String toString() {
    return label;
  }

  /** What a value is, for messages: {@code a string}, {@code a list}. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isIntegralNumber()) {
      return "a whole number";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return "null";
  }
}
