package dev.keel.spring.web;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.spring.api.KeelApi;
import dev.keel.spring.api.KeelAuthorizer;
import dev.keel.spring.api.WriteGuard;
import dev.keel.spring.autoconfigure.KeelAutoConfiguration;
import dev.keel.spring.autoconfigure.KeelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Keel's REST API, when the application is a Spring MVC web application with a {@link KeelEngine} (the starter's or
 * the host's). Writes go through a {@link WriteGuard} built from the host's {@link KeelAuthorizer} bean, if any, and
 * {@code keel.security.*}. Off with {@code keel.api.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigureAfter(KeelAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBean(KeelEngine.class)
@ConditionalOnProperty(prefix = "keel.api", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KeelProperties.class)
@Import({DeliveryConfigController.class, ResourceController.class, ApplicationController.class, ApiErrors.class})
public class KeelWebAutoConfiguration {

  /** Made by Spring. */
  public KeelWebAutoConfiguration() {}

  /**
   * Who may write through the API.
   *
   * @param authorizer the host's authorizer, if any
   * @param properties the {@code keel.*} properties
   * @return the guard
   */
  @Bean
  @ConditionalOnMissingBean
  public WriteGuard keelWriteGuard(ObjectProvider<KeelAuthorizer> authorizer, KeelProperties properties) {
    return new WriteGuard(authorizer.getIfAvailable(), properties.getSecurity().isAllowAnonymousWrites());
  }

  /**
   * The operations behind the controllers.
   *
   * @param engine the engine
   * @param guard who may write
   * @param scheduler the host's scheduler, if any, to wait for exports on
   * @param properties the {@code keel.*} properties
   * @return the operations
   */
  @Bean
  @ConditionalOnMissingBean
  public KeelApi keelApi(KeelEngine engine, WriteGuard guard, ObjectProvider<Scheduler> scheduler,
      KeelProperties properties) {
    return new KeelApi(engine, guard, properties.getApi().getMaxConfigBytes(), scheduler.getIfAvailable());
  }

  @Bean
  ActingUser keelActingUser(KeelProperties properties) {
    return new ActingUser(properties.getSecurity().isTrustGateHeader());
  }
}
