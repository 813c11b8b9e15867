package dev.keel.examples.spinnakerhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service: Spring Boot's auto-configuration, keel-spring-boot-starter's engine (configured in
 * {@code application.yml}), the fake Spinnaker the cloud plugins talk to, and the sample delivery.
 */
@SpringBootApplication
public class SpinnakerHost {

  /** Made by Spring. */
  public SpinnakerHost() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, such as {@code --spring.profiles.active=postgres}
   */
  public static void main(String[] args) {
    SpringApplication.run(SpinnakerHost.class, args);
  }
}
