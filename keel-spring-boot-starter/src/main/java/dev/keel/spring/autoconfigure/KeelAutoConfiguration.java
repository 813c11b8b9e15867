package dev.keel.spring.autoconfigure;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.KeelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Builds a {@link KeelEngine} from the {@code keel.*} properties, unless the host defines its own {@code KeelEngine}
 * bean, and starts and stops it with the context. The store is, in order: the host's {@link KeelStore} bean, a
 * {@link KeelStoreFactory} bean (the starter defines one over the application's DataSource when keel-store-jdbc is
 * present), else in memory with a warning. The host's {@link Clock} and {@link Scheduler} beans are used when defined,
 * and every {@link KeelEngineCustomizer} bean is applied. Off with {@code keel.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "keel", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KeelProperties.class)
@AutoConfigureAfter(name = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@Import(JdbcStoreConfiguration.class)
public class KeelAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(KeelAutoConfiguration.class);

  /** Made by Spring. */
  public KeelAutoConfiguration() {}

  /**
   * The engine and its lifecycle, together and only when the host defines no {@link KeelEngine}: a host's own engine
   * is the host's to start and stop.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(KeelEngine.class)
  static class EngineConfiguration {

    /**
     * The engine, when the host defines none.
     *
     * @param properties the {@code keel.*} properties
     * @param store the host's store, if any
     * @param storeFactory the store factory, if any
     * @param clock the host's clock, if any
     * @param scheduler the host's scheduler, if any
     * @param customizers the host's customizers
     * @return the engine, not started
     */
    @Bean
    KeelEngine keelEngine(KeelProperties properties, ObjectProvider<KeelStore> store,
        ObjectProvider<KeelStoreFactory> storeFactory, ObjectProvider<Clock> clock, ObjectProvider<Scheduler> scheduler,
        ObjectProvider<KeelEngineCustomizer> customizers) {
      EngineConfig config = EngineConfigMapping.toEngineConfig(properties);
      KeelEngineBuilder builder = KeelEngine.builder().config(config);
      clock.ifAvailable(builder::clock);
      scheduler.ifAvailable(builder::scheduler);
      PluginProperties plugins = properties.getPlugins();
      if (plugins.getDirectory() != null && !plugins.getDirectory().isBlank()) {
        Path dir = Path.of(plugins.getDirectory());
        if (!Files.isDirectory(dir)) {
          throw new IllegalStateException("keel.plugins.directory is " + dir.toAbsolutePath()
              + ", which is not a directory: create it and put the plugin zips there, or unset the property");
        }
        builder.plugins(dir);
        builder.disabledPlugins(plugins.getDisabled());
        if (plugins.getStartDeadline() != null) {
          builder.pluginStartDeadline(plugins.getStartDeadline());
        }
      }
      KeelStore hostStore = store.getIfAvailable();
      KeelStoreFactory factory = storeFactory.getIfAvailable();
      if (hostStore != null) {
        builder.store(hostStore);
      } else if (factory != null) {
        builder.store(factory::create); // made once the plugins' kinds are known; the engine closes it
      } else {
        LOG.warn("Keel keeps its state in memory: it is lost when the application stops. Put dev.keel:keel-store-jdbc"
            + " on the class path with a DataSource to keep it in the application's database.");
      }
      customizers.orderedStream().forEach(c -> c.customize(builder));
      KeelEngine engine = builder.build();
      engine.pluginFailures().forEach(f -> LOG.warn("Keel plugin {} was not loaded: {}", f.pluginId(), f.reason()));
      return engine;
    }

    /**
     * Starts and stops the engine the starter built.
     *
     * @param engine the engine
     * @param properties the {@code keel.*} properties
     * @return the lifecycle
     */
    @Bean
    KeelEngineLifecycle keelEngineLifecycle(KeelEngine engine, KeelProperties properties) {
      return new KeelEngineLifecycle(engine, properties.isAutoStart());
    }
  }
}
