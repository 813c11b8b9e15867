package dev.keel.spring.it;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The test host with Spring Security, as a service with its own security has it: HTTP basic with two users in memory
 * ({@value #ALICE}, and {@value TestHost#REFUSED}, whom the authorizer refuses), reads open to anyone, every other
 * request authenticated. It uses only what Spring Security 5.7 (Spring Boot 2.7) and 6.x (Spring Boot 3.5) share: a
 * {@link SecurityFilterChain} bean built with the lambda DSL, and a request matcher as a lambda, whose request type
 * ({@code javax} or {@code jakarta} servlet) the source never names.
 */
@Configuration(proxyBeanMethods = false)
@Import(TestHost.class)
class SecuredHost {

  static final String ALICE = "alice@example.com";
  static final String ALICE_PASSWORD = "alice-secret";
  static final String REFUSED_PASSWORD = "mallory-secret";

  @Bean
  SecurityFilterChain keelSecurity(HttpSecurity http) throws Exception {
    RequestMatcher reads = request -> "GET".equals(request.getMethod());
    http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests.requestMatchers(reads).permitAll().anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername(ALICE).password("{noop}" + ALICE_PASSWORD).roles("DEPLOYER").build(),
        User.withUsername(TestHost.REFUSED).password("{noop}" + REFUSED_PASSWORD).roles("DEPLOYER").build());
  }
}
