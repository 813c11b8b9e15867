package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Documents built to exhaust a reader are refused with a clear error, and the refusal costs bounded
 * memory. Memory is measured as bytes allocated by the test thread (a count, not a timing).
 */
class HostileInputTest {

  private final ConfigReader reader = TestKinds.reader();

  /** Bytes the current thread allocated while running the work; shared with the other hostile-input tests. */
  static long allocatedBy(Runnable work) {
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadAllocatedBytes();
    work.run();
    return bean.getCurrentThreadAllocatedBytes() - before;
  }

  /** The exception a read that must fail throws. */
  static ConfigException rejected(Supplier<?> read) {
    try {
      read.get();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected the document to be rejected");
  }

  @Test
  void aBillionLaughsDocumentIsRefusedBeforeItExpands() {
    StringBuilder yaml = new StringBuilder("application: fnord\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    String doc = yaml.toString();

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "laughs.yml")));

    assertThat(error[0].problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("expands to more than 1000000 values");
      assertThat(p.line()).isBetween(3, 10);
    });
    assertThat(allocated).as("bytes allocated").isLessThan(64L << 20);
  }

  @Test
  void aFiftyMegabyteStreamIsRefusedAfterReadingNoMoreThanTheLimit() {
    InputStream fiftyMegabytes = new InputStream() {
      private long left = 50L << 20;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
        left -= n;
        return n;
      }
    };

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(fiftyMegabytes, "big.yml")));

    assertThat(error[0].getMessage()).contains("big.yml").contains("larger than the limit of 1000000 characters");
    assertThat(allocated).as("bytes allocated").isLessThan(80L << 20);
  }

  @Test
  void aFiftyMegabyteStringIsRefusedWithoutParsing() {
    String doc = "a".repeat(50 << 20);

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "big.yml")));

    assertThat(error[0].getMessage()).contains("larger than the limit");
    assertThat(allocated).isLessThan(1L << 20);
  }

  @Test
  void fiveThousandLevelsOfFlowNestingAreRefusedAtTheLimit() {
    // On one line within the YAML line limit (longer lines are refused before parsing).
    String doc = "application: fnord\nx: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

    ConfigException error = rejected(() -> reader.read(doc, "deep.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.source()).isEqualTo("deep.yml");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).containsAnyOf("Nested more than 64 levels deep", "nesting depth");
    });
  }

  @Test
  void deepBlockNestingIsRefusedAtTheLimit() {
    // Block nesting needs indentation, so 10,000 levels would exceed the size limit first; 500 suffice.
    StringBuilder doc = new StringBuilder("application: fnord\n");
    for (int i = 0; i < 500; i++) {
      doc.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }

    ConfigException error = rejected(() -> reader.read(doc.toString(), "deep.yml"));

    assertThat(error.getMessage()).containsAnyOf("Nested more than 64 levels deep", "nesting depth");
  }

  @Test
  void tenThousandLevelsOfJsonNestingAreRefusedAtTheLimit() {
    String doc = "{\"application\": \"fnord\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    ConfigException error = rejected(() -> reader.read(doc, "deep.json"));

    assertThat(error.getMessage()).contains("Nested more than 64 levels deep");
  }

  @Test
  void anOverlongScalarIsRefused() {
    var small = ConfigReader.builder().registry(TestKinds.registryBuilder().build())
        .limits(new ReaderLimits(5_000_000, 64, 1_000, 1_000_000, 1_000)).build();

    // Over several lines, so that the line limit (which refuses one long line first) does not apply.
    String doc = "application: |\n" + ("  " + "x".repeat(99) + "\n").repeat(20);
    ConfigException error = rejected(() -> small.read(doc, "long.yml"));

    assertThat(error.getMessage()).contains("2000 characters long; the limit is 1000");
  }

  @Test
  void tooManyAliasesAreRefused() {
    StringBuilder doc = new StringBuilder("application: fnord\nbase: &b [x]\nrefs:\n");
    for (int i = 0; i < 1_001; i++) {
      doc.append("- *b\n");
    }

    ConfigException error = rejected(() -> reader.read(doc.toString(), "aliases.yml"));

    assertThat(error.getMessage()).contains("More than 1000 aliases");
  }

  @Test
  void anAliasOfAScalarIsAnErrorNotASilentString() {
    ConfigException error = rejected(() -> reader.read("application: &app fnord\nname: *app\n", "scalar.yml"));

    assertThat(error.getMessage()).contains("scalar.yml:2:7").contains("anchors on single values are not supported");
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    ConfigException error = rejected(() -> reader.read("application: fnord\nenvironments: [\n", "broken.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("Syntax error");
      assertThat(p.line()).isGreaterThanOrEqualTo(2);
    });
  }

  @Test
  void aMissingFileIsAClearError() {
    ConfigException error = rejected(() -> reader.read(java.nio.file.Path.of("does-not-exist.yml")));

    assertThat(error.getMessage()).isEqualTo("does-not-exist.yml:0:0: No such file");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRejected() {
    ConfigException error = rejected(() -> reader.read("- just\n- a list\n", "list.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("must be a mapping");
      assertThat(p.source()).isEqualTo("list.yml");
    });
  }

  @Test
  void twoDocumentsInOneFileAreRejected() {
    assertThatThrownBy(() -> reader.read("application: a\n---\napplication: b\n", "two.yml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("single document");
  }

  @Test
  void bytesInvalidAsUtf8DoNotCrashTheReader() {
    byte[] latin1 = "application: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(latin1), "latin1.yml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Invalid application name");
  }
}
