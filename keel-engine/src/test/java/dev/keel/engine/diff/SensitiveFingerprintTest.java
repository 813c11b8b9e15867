package dev.keel.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.diff.Sensitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A drift of a {@code @Sensitive} value changes the diff fingerprint, so the give-up policy tells one secret
 * drift from the next, while the fingerprint holds only a salted digest of the secret.
 */
class SensitiveFingerprintTest {

  record Credentials(String user, @Sensitive String password) {}

  record Service(String name, Map<String, Credentials> credentials) {}

  private static final byte[] SALT = "sixteen-or-more-bytes-of-salt".getBytes(StandardCharsets.UTF_8);

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void twoDifferentSecretDriftsHaveDifferentFingerprints() {
    Differ differ = Differ.builder().build();
    Credentials wanted = new Credentials("app", "hunter2");

    String first = differ.diff(wanted, new Credentials("app", "leaked-1")).fingerprint();
    String second = differ.diff(wanted, new Credentials("app", "leaked-2")).fingerprint();
    String again = differ.diff(wanted, new Credentials("app", "leaked-1")).fingerprint();

    assertThat(first).isNotEqualTo(second).isEqualTo(again);
  }

  @Test
  void aSecretNestedInAChangedObjectEntersTheFingerprintToo() {
    Differ differ = Differ.builder().build();
    Service wanted = new Service("api", Map.of());

    String first = differ.diff(wanted, new Service("api", Map.of("db", new Credentials("app", "one")))).fingerprint();
    String second = differ.diff(wanted, new Service("api", Map.of("db", new Credentials("app", "two")))).fingerprint();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theFingerprintIsNeverTheOneOfTheClearValueWithoutSalt() throws Exception {
    Differ differ = Differ.builder().fingerprintSalt(SALT).build();

    String fingerprint = differ.diff(new Credentials("app", "hunter2"), new Credentials("app", "leaked")).fingerprint();

    assertThat(fingerprint)
        .isNotEqualTo(sha256("REPLACE /password \"hunter2\" \"leaked\"\n"))
        .isNotEqualTo(sha256("REPLACE /password \"****\" \"****\"\n"));
  }

  @Test
  void differsWithTheSameSaltAgreeAndOnesWithAnotherDoNot() {
    Credentials wanted = new Credentials("app", "hunter2");
    Credentials current = new Credentials("app", "leaked");

    String one = Differ.builder().fingerprintSalt(SALT).build().diff(wanted, current).fingerprint();
    String two = Differ.builder().fingerprintSalt(SALT).build().diff(wanted, current).fingerprint();
    String other = Differ.builder().fingerprintSalt("another salt of enough bytes".getBytes(StandardCharsets.UTF_8))
        .build().diff(wanted, current).fingerprint();

    assertThat(one).isEqualTo(two).isNotEqualTo(other);
  }

  @Test
  void renderingsStillMaskTheSecret() {
    var diff = Differ.builder().build().diff(new Credentials("app", "hunter2"), new Credentials("app", "leaked"));

    assertThat(diff.render() + diff.toDeltaJson() + diff.toJsonPatch()).doesNotContain("hunter2", "leaked");
  }
}
