package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package-info of keel-engine says whether its package is API. It reads keel-engine's sources, so
 * keel-host-compat, which runs keel-engine's compiled tests against the Spinnaker host baseline, leaves it
 * out (see its pom); {@link ApiBoundaryTest} checks the compiled boundary there too.
 */
class PackageInfoSourcesTest {

  private static final String ENGINE = "dev.keel.engine";

  @Test
  void internalPackageInfosSayTheyAreNotApiAndApiOnesDoNot() throws IOException {
    Path sources = Path.of("src/main/java", ENGINE.split("\\."));
    assertThat(sources).as("keel-engine's sources").isDirectory();
    List<Path> infos;
    try (Stream<Path> files = Files.walk(sources)) {
      infos = files.filter(f -> f.getFileName().toString().equals("package-info.java")).sorted()
          .collect(Collectors.toList());
    }

    assertThat(infos).as("package-infos of keel-engine").hasSizeGreaterThan(10);
    for (Path info : infos) {
      String text = Files.readString(info);
      boolean internal = sources.relativize(info).startsWith("internal");
      if (internal) {
        assertThat(text).as(info.toString()).contains("Internal: not API; may change without notice.");
      } else {
        assertThat(text).as(info.toString()).contains("API").doesNotContain("Internal: not API");
      }
    }
  }

}
