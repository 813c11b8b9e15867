package dev.keel.engine.diff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed digest (HMAC-SHA256) of sensitive values, so that a fingerprint changes when a secret drifts
 * without ever holding the secret: without the salt nobody can test a guess against a stored fingerprint.
 */
final class SecretDigest {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  SecretDigest(byte[] salt) {
    if (salt.length < 16) {
      throw new DiffConfigurationException("the fingerprint salt needs at least 16 bytes, has " + salt.length);
    }
    this.key = new SecretKeySpec(salt.clone(), ALGORITHM);
  }

  /** A fresh random salt: fingerprints then agree only within one differ. */
  static byte[] randomSalt() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  /** The digest of a value's canonical text, as lowercase hex. */
  String of(String canonicalText) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(canonicalText.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }
}
