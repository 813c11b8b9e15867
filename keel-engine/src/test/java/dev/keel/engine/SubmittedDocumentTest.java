package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.TemplateProvenance;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmittedDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config submitted as a document is stored with the document, templates and all, beside the resources it
 * expands to; a config built in code or rejected leaves the store's document as it should.
 */
class SubmittedDocumentTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static final String TEMPLATED = """
      application: fnord
      templates:
        bucket:
          kind: test/bucket@v2
          parameters: {region: string}
          spec: {name: "fnord-${environment.name}", application: fnord, region: "${region}"}
      environments:
      - name: test
        resources:
        - {template: bucket, with: {region: eu-west-1}}
      - name: prod
        like: test
        changes: {bucket: {with: {region: us-east-1}}}
      """;

  private final InMemoryStore store = new InMemoryStore();

  private KeelEngine engine() {
    return KeelEngine.builder().clock(CLOCK).store(store).handler(new ExportTest.BucketHandler()).build();
  }

  @Test
  void aTemplatedDocumentIsStoredAsWrittenBesideTheResourcesItExpandsTo() {
    try (KeelEngine engine = engine()) {
      engine.submit(TEMPLATED, "buckets.yml");

      assertThat(engine.submittedDocument("fnord-manifest")).contains(new SubmittedDocument("buckets.yml", TEMPLATED));
      assertThat(store.resources()).extracting(StoredResource::id)
          .containsExactly("test:bucket:fnord-prod", "test:bucket:fnord-test");
      StoredResource prod = store.resource("test:bucket:fnord-prod").orElseThrow();
      assertThat(TemplateProvenance.of(prod.resource()).orElseThrow().like()).containsExactly("test");
      String rendered = engine.configReader().render(TEMPLATED, "buckets.yml");
      assertThat(rendered).doesNotContain("template").contains("region: us-east-1");
    }
  }

  @Test
  void aFileIsStoredWithItsTextUnderItsName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("buckets.yml"), TEMPLATED);
    try (KeelEngine engine = engine()) {
      engine.submit(file);

      assertThat(engine.submittedDocument("fnord-manifest")).contains(new SubmittedDocument(file.toString(), TEMPLATED));
    }
  }

  @Test
  void theSameConfigSubmittedInCodeForgetsTheDocumentThatNoLongerDescribesIt() {
    try (KeelEngine engine = engine()) {
      engine.submit(TEMPLATED, "buckets.yml");

      engine.submit(engine.configReader().read(TEMPLATED, "buckets.yml"));

      assertThat(engine.submittedDocument("fnord-manifest")).isEmpty();
      assertThat(store.resources()).hasSize(2);
    }
  }

  @Test
  void aRejectedDocumentLeavesTheStoredDocumentAndResourcesAsTheyWere() {
    try (KeelEngine engine = engine()) {
      engine.submit(TEMPLATED, "buckets.yml");

      assertThatThrownBy(() -> engine.submit(TEMPLATED.replace("region: us-east-1", "regoin: us-east-1"), "bad.yml"))
          .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
              .satisfies(p -> assertThat(p.message()).contains("has no parameter 'regoin' (did you mean 'region'?)")));

      assertThat(engine.submittedDocument("fnord-manifest")).contains(new SubmittedDocument("buckets.yml", TEMPLATED));
      assertThat(store.resources()).hasSize(2);
    }
  }
}
