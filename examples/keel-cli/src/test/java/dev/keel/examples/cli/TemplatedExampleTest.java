package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.TemplateProvenance;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/configs/fnord-templated.yml, the three-environment example written with templates, renders to the
 * resources of examples/configs/fnord.yml and runs to the same end; {@code keel plan} says which template and
 * overrides produced each resource.
 */
class TemplatedExampleTest {

  private static final String FNORD = CliRunner.example("configs/fnord.yml");
  private static final String TEMPLATED = CliRunner.example("configs/fnord-templated.yml");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tree with every mapping's keys in sorted order, so that trees compare regardless of key order. */
  static JsonNode normalised(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        fields.put(e.getKey(), normalised(e.getValue()));
      }
      fields.forEach(sorted::set);
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> list.add(normalised(e)));
      return list;
    }
    return node;
  }

  @Test
  void renderOfTheTemplatedExampleIsTheThreeEnvironmentExample() throws Exception {
    CliRunner.Result render = CliRunner.run("render", TEMPLATED);

    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.err()).isEmpty();
    assertThat(normalised(YAML.readTree(render.out()))).isEqualTo(normalised(YAML.readTree(Path.of(FNORD).toFile())));
  }

  @Test
  void bothExamplesReadToEqualConfigsAndTheRenderingRendersToItself(@TempDir Path dir) throws Exception {
    try (Simulation sim = Simulation.open(CliRunner.PLUGINS, Scenario.DEFAULT_START,
        new PrintStream(PrintStream.nullOutputStream()))) {
      ConfigReader reader = sim.engine().configReader();
      DeliveryConfig plain = reader.read(Path.of(FNORD));
      DeliveryConfig templated = reader.read(Path.of(TEMPLATED));
      String rendered = reader.render(Path.of(TEMPLATED));

      assertThat(templated).isEqualTo(plain);
      assertThat(templated.resources().map(Resource::id)).containsExactlyElementsOf(plain.resources().map(Resource::id)
          .toList());
      Path again = Files.writeString(dir.resolve("rendered.yml"), rendered);
      assertThat(reader.render(again)).isEqualTo(rendered);
      assertThat(reader.read(again)).isEqualTo(plain);
    }
  }

  @Test
  void runOfBothExamplesEndsInTheSameState() throws Exception {
    CliRunner.Result plain = CliRunner.run("run", FNORD, "--json");
    CliRunner.Result templated = CliRunner.run("run", TEMPLATED, "--json");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(templated.exitCode()).as(templated.err()).isZero();
    JsonNode a = JSON.readTree(plain.out());
    JsonNode b = JSON.readTree(templated.out());
    assertThat(b.get("converged").asBoolean()).isTrue();
    assertThat(b.get("environments")).isEqualTo(a.get("environments"));
    assertThat(b.get("end")).isEqualTo(a.get("end"));
    assertThat(b.get("progress")).isEqualTo(a.get("progress"));
  }

  @Test
  void planSaysWhichTemplateLikeAndOverridesProducedEachResource() throws Exception {
    CliRunner.Result text = CliRunner.run("plan", TEMPLATED);
    CliRunner.Result json = CliRunner.run("plan", TEMPLATED, "--json");
    CliRunner.Result plainJson = CliRunner.run("plan", FNORD, "--json");

    assertThat(text.exitCode()).as(text.err()).isEqualTo(Cli.PENDING);
    assertThat(text.out()).contains("  ec2:cluster:prod:fnord-main  [ec2/cluster@v1.1]")
        .containsPattern("    from template main-cluster \\(.*fnord-templated.yml:31:3\\), instantiated in test \\("
            + ".*fnord-templated.yml:71:5\\), copied by like staging <- test; arguments instanceType, size, strategy;"
            + " overrides deployWith.resizePreviousToZero \\(.*fnord-templated.yml:89:22\\),"
            + " deployWith.resizePreviousToZero \\(.*fnord-templated.yml:114:22\\)");
    JsonNode prod = resource(JSON.readTree(json.out()), "ec2:cluster:prod:fnord-main");
    TemplateProvenance provenance = TemplateProvenance.fromMetadata(JSON.convertValue(prod.get("template"), Map.class))
        .orElseThrow();
    assertThat(provenance.template()).isEqualTo("main-cluster");
    assertThat(provenance.declaredIn()).isEqualTo("test");
    assertThat(provenance.like()).containsExactly("staging", "test");
    assertThat(provenance.overrides()).extracting(TemplateProvenance.AppliedOverride::path)
        .containsExactly("deployWith.resizePreviousToZero", "deployWith.resizePreviousToZero");
    assertThat(resource(JSON.readTree(json.out()), "ec2:security-group:test:fnord").get("template").get("like"))
        .isEmpty();
    assertThat(resource(JSON.readTree(plainJson.out()), "ec2:cluster:prod:fnord-main").get("template").isNull())
        .isTrue();
  }

  @Test
  void renderReportsATemplatesProblemsAsFileLineColumnAndPrintsNothing(@TempDir Path dir) throws Exception {
    String bad = Files.readString(Path.of(TEMPLATED)).replace("with: {size: 3, instanceType: m5.xlarge}",
        "with: {size: 3, instanceTyp: m5.xlarge}");
    Path file = Files.writeString(dir.resolve("bad.yml"), bad);

    CliRunner.Result result = CliRunner.run("render", file.toString());

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).singleElement().asString().startsWith(file + ":112:23: Template 'main-cluster'"
        + " has no parameter 'instanceTyp' (did you mean 'instanceType'?)");
  }

  private static JsonNode resource(JsonNode plan, String id) {
    for (JsonNode r : plan.get("resources")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + id + " in the plan");
  }
}
