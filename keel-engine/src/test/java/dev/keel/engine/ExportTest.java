package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.Exportable;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The engine exports existing resources through their kind's handler, and reports what it cannot export. */
class ExportTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ResourceKind BUCKET = ResourceKind.parse("test/bucket@v2");

  record Bucket(String name, String application, String region) implements ResourceSpec {
    @Override
    public String id() {
      return name;
    }
  }

  /** A handler whose cloud holds one bucket, fnord-logs, in eu-west-1. */
  static class BucketHandler implements ResourceHandler<Bucket, Bucket> {
    @Override
    public SupportedKind<Bucket> supportedKind() {
      return new SupportedKind<>(BUCKET, Bucket.class);
    }

    @Override
    public Bucket desired(Resource<Bucket> resource, ResourceContext context) {
      return resource.spec();
    }

    @Override
    public Bucket current(Resource<Bucket> resource, ResourceContext context) {
      return null;
    }

    @Override
    public Actuation plan(Resource<Bucket> resource, ResourceDiff<Bucket> diff, ResourceContext context) {
      return Actuation.none();
    }

    @Override
    public List<Task> execute(Resource<Bucket> resource, Actuation actuation, ResourceContext context) {
      return List.of();
    }

    @Override
    public Bucket export(Exportable exportable) {
      if (!exportable.moniker().toName().equals("fnord-logs")) {
        throw new IllegalArgumentException("No bucket " + exportable.moniker().toName());
      }
      return new Bucket("fnord-logs", exportable.moniker().app(), "eu-west-1");
    }
  }

  private static Exportable exportable(ResourceKind kind, String name) {
    return new Exportable(kind, "test", Moniker.parse(name), Set.of(), "me");
  }

  @Test
  void anExistingResourceIsExportedAsAResourceOfTheHandlersKind() {
    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).handler(new BucketHandler()).build()) {
      Resource<?> exported = engine.exportAsync(exportable(BUCKET, "fnord-logs")).join();

      assertThat(exported.kind()).isEqualTo(BUCKET);
      assertThat(exported.spec()).isEqualTo(new Bucket("fnord-logs", "fnord", "eu-west-1"));
      assertThat(exported.id()).isEqualTo("test:bucket:fnord-logs");
    }
  }

  @Test
  void theHandlersRefusalAndAnUnknownKindFailTheExportWithTheirReasons() {
    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).handler(new BucketHandler()).build()) {
      assertThatThrownBy(() -> engine.exportAsync(exportable(BUCKET, "fnord-nothing")).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No bucket fnord-nothing");
      assertThatThrownBy(() -> engine.exportAsync(exportable(ResourceKind.parse("test/pail@v1"), "fnord-logs")).join())
          .hasCauseInstanceOf(UnsupportedKindException.class).hasMessageContaining("test/pail@v1");
      assertThat(engine.simulators()).isEmpty();
    }
  }
}
