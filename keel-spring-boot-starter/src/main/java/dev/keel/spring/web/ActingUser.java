package dev.keel.spring.web;

import java.util.Optional;
import javax.annotation.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Who is acting: the authenticated user of Spring Security's context when Spring Security is on the class path and
 * someone (not the anonymous user) is authenticated; else, when the host trusts Gate, its {@code X-SPINNAKER-USER}
 * header; else nobody.
 */
final class ActingUser {

  private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
      "org.springframework.security.core.context.SecurityContextHolder", ActingUser.class.getClassLoader());

  private final boolean trustGateHeader;

  ActingUser(boolean trustGateHeader) {
    this.trustGateHeader = trustGateHeader;
  }

  Optional<String> of(@Nullable String gateHeader) {
    if (SPRING_SECURITY) {
      Optional<String> authenticated = SecurityContextUser.current();
      if (authenticated.isPresent()) {
        return authenticated;
      }
    }
    if (trustGateHeader && gateHeader != null && !gateHeader.isBlank()) {
      return Optional.of(gateHeader.trim());
    }
    return Optional.empty();
  }
}
