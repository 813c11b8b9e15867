package dev.keel.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs complete from names a {@code keel.*} property for every engine setting. */
class ConfigurationMetadataTest {

  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"(keel[^\"]*)\"");

  @Test
  void everyEngineConfigFieldHasAKeelPropertyInTheMetadata() throws IOException {
    List<String> names = metadataNames();
    List<String> missing = Arrays.stream(EngineConfig.class.getRecordComponents())
        .map(c -> c.getName().equals("pluginConfigs") ? "keel.plugins.config" : "keel." + kebab(c.getName()))
        .filter(p -> names.stream().noneMatch(n -> n.equals(p) || n.startsWith(p + ".")))
        .toList();
    assertThat(missing).as("EngineConfig fields without a keel.* property in spring-configuration-metadata.json")
        .isEmpty();
  }

  @Test
  void everyMetadataPropertyIsAPropertyOfKeelProperties() throws IOException {
    for (String name : metadataNames()) {
      if (name.equals("keel")) {
        continue;
      }
      String first = name.substring("keel.".length()).split("\\.")[0];
      String getter = camel(first);
      boolean exists = Arrays.stream(KeelProperties.class.getMethods()).anyMatch(m ->
          m.getName().equalsIgnoreCase("get" + getter) || m.getName().equalsIgnoreCase("is" + getter));
      assertThat(exists).as("KeelProperties has %s for %s", getter, name).isTrue();
    }
  }

  private static List<String> metadataNames() throws IOException {
    try (InputStream in = KeelProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata file is on the class path").isNotNull();
      Matcher m = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> names = new java.util.ArrayList<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String camel(String kebab) {
    StringBuilder sb = new StringBuilder();
    for (String part : kebab.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }
}
