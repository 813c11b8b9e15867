package dev.keel.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may write: nobody unknown by default, and only whom the authorizer lets through. */
class WriteGuardTest {

  @Test
  void withNoUserAndNoAuthorizerAWriteIsRefusedSayingWhichPropertyToSet() {
    WriteGuard guard = new WriteGuard(null, false);
    assertThatThrownBy(() -> guard.authorize(Optional.empty(), "fnord", WriteAction.PIN))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("keel.security.allow-anonymous-writes=true")
        .hasMessageContaining("keel.security.trust-gate-header=true");
  }

  @Test
  void anonymousWritesAllowedExplicitlyAreRecordedAsAnonymous() {
    assertThat(new WriteGuard(null, true).authorize(Optional.empty(), "fnord", WriteAction.SUBMIT))
        .isEqualTo(WriteGuard.ANONYMOUS);
  }

  @Test
  void aKnownUserIsAskedAboutPerApplicationAndActionAndARefusalIs403() {
    List<String> asked = new ArrayList<>();
    WriteGuard guard = new WriteGuard((user, app, action) -> {
      asked.add(user + " " + app + " " + action);
      return user.equals("alice");
    }, false);

    assertThat(guard.authorize(Optional.of("alice"), "fnord", WriteAction.VETO)).isEqualTo("alice");
    assertThatThrownBy(() -> guard.authorize(Optional.of("mallory"), "fnord", WriteAction.JUDGE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("mallory").hasMessageContaining("JUDGE");
    assertThat(asked).containsExactly("alice fnord VETO", "mallory fnord JUDGE");
  }

  @Test
  void aKnownUserWithoutAnAuthorizerMayWrite() {
    assertThat(new WriteGuard(null, false).authorize(Optional.of("bob"), "fnord", WriteAction.DELETE)).isEqualTo("bob");
  }
}
