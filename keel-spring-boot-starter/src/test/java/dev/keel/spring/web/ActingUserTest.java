package dev.keel.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who acts: Spring Security's authenticated user first, Gate's header only when trusted, else nobody. */
class ActingUserTest {

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theAuthenticatedUserOfSpringSecurityActsEvenWhenAGateHeaderSaysOtherwise() {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("carol", null, "ROLE_USER"));
    assertThat(new ActingUser(true).of("mallory")).contains("carol");
    assertThat(new ActingUser(false).of(null)).contains("carol");
  }

  @Test
  void theAnonymousUserOfSpringSecurityIsNobody() {
    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
    assertThat(new ActingUser(false).of("mallory")).isEmpty();
    assertThat(new ActingUser(true).of("dave")).contains("dave");
  }

  @Test
  void gatesHeaderCountsOnlyWhenTrusted() {
    assertThat(new ActingUser(false).of("mallory")).isEmpty();
    assertThat(new ActingUser(true).of(" dave ")).isEqualTo(Optional.of("dave"));
    assertThat(new ActingUser(true).of("  ")).isEmpty();
    assertThat(new ActingUser(true).of(null)).isEmpty();
  }
}
