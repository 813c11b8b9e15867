package dev.keel.examples.spinnakerhost;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The service: Spring Boot's auto-configuration, keel-spring-boot-starter's engine (configured in
 * {@code application.yml}), the fake Spinnaker the cloud plugins talk to, and the sample delivery.
 */
@SpringBootApplication
public class SpinnakerHost {

  /** Made by Spring. */
  public SpinnakerHost() {}

  /**
   * The one clock of the service: the engine (through the starter), the fake Spinnaker and the sample delivery all
   * take their time from it. A test that runs the service on virtual time registers its own clock (and the engine's
   * scheduler) before the context starts, and this one backs off.
   *
   * @return the system clock in UTC
   */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, such as {@code --spring.profiles.active=postgres}
   */
  public static void main(String[] args) {
    SpringApplication.run(SpinnakerHost.class, args);
  }
}
