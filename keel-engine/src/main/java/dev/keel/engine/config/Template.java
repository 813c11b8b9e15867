package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.model.ResourceKind;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A resource template of a delivery config: a kind, typed parameters and a spec (and optional metadata) whose
 * strings may refer to the parameters. Paths are those of the parsed document.
 *
 * @param name the template's name, which resources instantiate it by
 * @param path where it is declared
 * @param kind its kind, or null if the kind is not written as {@code group/kind@vN}
 * @param kindText the kind as written
 * @param parameters the parameters by name, in declared order
 * @param parametersPath where the parameters are declared (the template's path if it declares none)
 * @param spec the spec to instantiate
 * @param metadata the resource metadata to instantiate, or null
 * @param usesAccount whether it refers to {@code environment.account}, which then every environment that
 *     instantiates it must declare
 */
record Template(String name, String path, @Nullable ResourceKind kind, String kindText,
    Map<String, TemplateParameter> parameters, String parametersPath, JsonNode spec, @Nullable JsonNode metadata,
    boolean usesAccount) {

  Template {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  String kindPath() {
    return SourcePaths.field(path, "kind");
  }

  String specPath() {
    return SourcePaths.field(path, "spec");
  }

  String metadataPath() {
    return SourcePaths.field(path, "metadata");
  }
}
