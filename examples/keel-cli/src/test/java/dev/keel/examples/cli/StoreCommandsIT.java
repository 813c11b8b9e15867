package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel run FILE --store URL} then {@code keel status --store URL}, each its own process of the packaged CLI
 * as a user runs them: the second process, which runs nothing, shows what the first one recorded in an H2 file.
 */
class StoreCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FNORD = KeelProcess.example("configs/fnord.yml");

  @Test
  void statusOfAStoredRunShowsEveryResourceHappyAndTheFirstVersionCurrentInEveryEnvironment(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("keel");

    KeelProcess.Result run = KeelProcess.run("run", FNORD, "--store", url);
    assertThat(run.exitCode()).as(run.err()).isZero();

    KeelProcess.Result json = KeelProcess.run("status", "--store", url, "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode configs = JSON.readTree(json.out()).get("configs");
    assertThat(configs).hasSize(1);
    JsonNode config = configs.get(0);
    assertThat(config.get("application").asText()).isEqualTo("fnord");
    assertThat(config.get("environments")).extracting(e -> e.get("name").asText())
        .containsExactly("test", "staging", "production");
    List<String> statuses = new ArrayList<>();
    for (JsonNode env : config.get("environments")) {
      env.get("resources").forEach(r -> statuses.add(r.get("id").asText() + "=" + r.get("status").asText()));
      assertThat(current(env)).as(env.get("name").asText())
          .containsEntry("fnord", "fnord-1.0.0-h1.c0ffee1").containsEntry("fnord-api", "1.0.0");
    }
    assertThat(statuses).hasSize(9).allMatch(s -> s.endsWith("=HAPPY"));

    KeelProcess.Result text = KeelProcess.run("status", "--store", url);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("fnord (delivery config ").contains("ENVIRONMENT  RESOURCE");
    assertThat(text.out().lines().filter(l -> l.endsWith("HAPPY")).count()).isEqualTo(9);
    for (String env : List.of("test", "staging", "production")) {
      assertThat(text.out().lines().filter(l -> l.startsWith(env + " ") && l.contains(" 1.0.0")).count())
          .as(env).isEqualTo(1);
    }
  }

  @Test
  void statusOfAStoreThatDoesNotExistSaysSoAndExitsOne(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("nothing-here");

    KeelProcess.Result result = KeelProcess.run("status", "--store", url);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("keel: cannot open the store at " + url)
        .contains("'keel run FILE --store URL' creates a store").doesNotContain("\tat ");
    assertThat(dir).isEmptyDirectory();
  }

  private static Map<String, String> current(JsonNode env) {
    Map<String, String> current = new HashMap<>();
    for (JsonNode a : env.get("artifacts")) {
      current.put(a.get("reference").asText(), a.get("current").isNull() ? null : a.get("current").asText());
    }
    return current;
  }
}
