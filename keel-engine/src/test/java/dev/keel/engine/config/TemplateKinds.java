package dev.keel.engine.config;

import dev.keel.spi.diff.DiffKey;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.SupportedKind;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A typed test kind for templates, {@code test/service@v1}: nested records (so that override paths are checked
 * property by property), a list keyed by {@code @DiffKey} (merged by key), a plain list (replaced) and maps
 * (any key), beside the loosely typed kinds of {@link TestKinds}.
 */
final class TemplateKinds {

  private TemplateKinds() {}

  record Capacity(int min, int max, @Nullable Integer desired) {}

  record Listener(@DiffKey int port, String protocol, @Nullable String certificate) {}

  record Service(Moniker moniker, Locations locations, @Nullable String image, @Nullable Capacity capacity,
      @Nullable List<Listener> listeners, @Nullable Map<String, String> env, @Nullable List<String> tags,
      @Nullable Boolean canary) implements TestKinds.CloudSpec {}

  static final String KIND = "test/service@v1";

  static ConfigReader reader() {
    return ConfigReader.builder().registry(TestKinds.registryBuilder()
        .kind(SupportedKind.of(KIND, Service.class), "test-service").build()).build();
  }

  static ConfigReader reader(ReaderLimits limits) {
    return ConfigReader.builder().limits(limits).registry(TestKinds.registryBuilder()
        .kind(SupportedKind.of(KIND, Service.class), "test-service").build()).build();
  }
}
