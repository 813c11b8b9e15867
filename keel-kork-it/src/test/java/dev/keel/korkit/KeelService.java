package dev.keel.korkit;

import com.netflix.spinnaker.config.PluginsAutoConfiguration;
import com.netflix.spinnaker.config.SerdeSdkConfiguration;
import com.netflix.spinnaker.config.YamlResourceLoaderSdkConfiguration;
import com.netflix.spinnaker.kork.version.VersionResolver;
import java.nio.file.Path;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * A minimal Spinnaker service named {@code keel}: kork's plugin framework imported as a service imports it
 * ({@link PluginsAutoConfiguration} is not an auto-configuration, services name it), with the plugin SDK factories
 * that need nothing from kork-web, and Spring Boot's {@code ObjectMapper} (every service has one; kork's serde SDK
 * looks it up for each plugin). Nothing else: no web server, no other auto-configuration.
 */
@SpringBootConfiguration
@Import({PluginsAutoConfiguration.class, SerdeSdkConfiguration.class, YamlResourceLoaderSdkConfiguration.class})
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
public class KeelService {

  /** The service name kork matches {@code Plugin-Requires} entries against: {@code spring.application.name}. */
  static final String NAME = "keel";

  /**
   * The version this service reports. A Spinnaker service's version is the {@code Implementation-Version} of its
   * jar's manifest, which kork's {@code SpringPackageVersionResolver} reads from the {@code @SpringBootApplication}
   * class; test classes have no manifest, so {@link #manifestVersion()} stands in for it.
   */
  static final String VERSION = "1.0.0";

  /**
   * Starts the service on the given plugins root, reading {@code keel.yml} from the class path as a Spinnaker
   * service reads its configuration.
   *
   * @param pluginsRoot {@code spinnaker.extensibility.plugins-root-path}
   * @return the running service
   */
  static ConfigurableApplicationContext start(Path pluginsRoot) {
    return new SpringApplicationBuilder(KeelService.class)
        .web(WebApplicationType.NONE)
        .run("--spring.application.name=" + NAME,
            "--spring.config.name=" + NAME,
            "--spinnaker.extensibility.plugins-root-path=" + pluginsRoot.toAbsolutePath());
  }

  /**
   * The service version, as the service jar's manifest would give it. Ordered after kork's own resolver, which
   * finds no {@code @SpringBootApplication} bean here and gives nothing.
   *
   * @return a resolver answering {@link #VERSION}
   */
  @Bean
  static VersionResolver manifestVersion() {
    return new VersionResolver() {
      @Override
      public String resolve(String serviceName) {
        return VERSION;
      }

      @Override
      public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
      }
    };
  }
}
