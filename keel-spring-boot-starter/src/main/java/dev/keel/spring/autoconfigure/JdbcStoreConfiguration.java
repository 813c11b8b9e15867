package dev.keel.spring.autoconfigure;

import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store over the application's DataSource, when keel-store-jdbc is on the class path, there is one DataSource,
 * and the host defines no store of its own. Off with {@code keel.store.jdbc=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.keel.store.jdbc.JdbcKeelStore")
@ConditionalOnProperty(prefix = "keel.store", name = "jdbc", havingValue = "true", matchIfMissing = true)
class JdbcStoreConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStoreConfiguration.class);

  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean({KeelStoreFactory.class, dev.keel.engine.store.KeelStore.class})
  KeelStoreFactory keelJdbcStoreFactory(DataSource dataSource, KeelProperties properties) {
    StoreProperties p = properties.getStore();
    ClockSource clock;
    try {
      clock = ClockSource.valueOf(p.getClock().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid keel.store.clock '" + p.getClock() + "': use one of "
          + List.of(ClockSource.values()).toString().toLowerCase(Locale.ROOT));
    }
    return kinds -> {
      JdbcKeelStore store = JdbcKeelStore.builder().dataSource(dataSource).tablePrefix(p.getTablePrefix())
          .migrate(p.isMigrate()).clockSource(clock).kinds(kinds).retention(EngineConfigMapping.toEngineConfig(properties).retention())
          .build();
      LOG.info("Keel keeps its state in the application's {} database, tables {}*", store.dialect(),
          store.tablePrefix());
      return store;
    };
  }
}
