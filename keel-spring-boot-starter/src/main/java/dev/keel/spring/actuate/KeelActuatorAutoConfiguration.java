package dev.keel.spring.actuate;

import dev.keel.engine.KeelEngine;
import dev.keel.spring.autoconfigure.KeelAutoConfiguration;
import dev.keel.spring.autoconfigure.KeelEngineLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's health indicator ({@code keel}) when Spring Boot's actuator is present, and its Micrometer metrics
 * when Micrometer and a {@code MeterRegistry} are. Off with {@code keel.health.enabled=false} and
 * {@code keel.metrics.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigureAfter(value = KeelAutoConfiguration.class, name = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnBean(KeelEngine.class)
public class KeelActuatorAutoConfiguration {

  /** Made by Spring. */
  public KeelActuatorAutoConfiguration() {}

  /** The health indicator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(prefix = "keel.health", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "keelHealthIndicator")
    HealthIndicator keelHealthIndicator(KeelEngine engine, ObjectProvider<KeelEngineLifecycle> lifecycle) {
      return new KeelHealthIndicator(engine, lifecycle.getIfAvailable());
    }
  }

  /** The metrics. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnProperty(prefix = "keel.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Metrics {
    @Bean
    KeelMetrics keelMetrics(KeelEngine engine, MeterRegistry registry) {
      return new KeelMetrics(engine, registry);
    }
  }
}
