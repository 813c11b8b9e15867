package dev.keel.spring.web;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads Spring Security's context; loaded only when Spring Security is on the class path. */
final class SecurityContextUser {

  private SecurityContextUser() {}

  static Optional<String> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    String name = auth.getName();
    return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
  }
}
