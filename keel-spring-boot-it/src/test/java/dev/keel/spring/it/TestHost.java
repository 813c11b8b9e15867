package dev.keel.spring.it;


import dev.keel.spring.api.KeelAuthorizer;
import dev.keel.testkit.VirtualScheduler;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The host application of the tests: auto-configured, with an H2 DataSource of its own (a fresh in-memory database, or the one {@code test.database} names) (so the starter's JDBC store
 * uses it), the engine on virtual time (a Monday, 10:00 UTC, inside fnord's production window), and an authorizer
 * standing in for Fiat that refuses the user {@value #REFUSED}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestHost {

  static final String REFUSED = "mallory@example.com";
  static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  /** The engine's scheduler, unless the test registered its own before the context started. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(VirtualScheduler.class)
  VirtualScheduler keelScheduler() {
    return new VirtualScheduler(START);
  }

  /** An in-memory H2 database, kept while the JVM runs: a fresh one, or the one {@code test.database} names. */
  @Bean
  DataSource dataSource(@Value("${test.database:}") String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + (name.isEmpty() ? "keel-" + UUID.randomUUID() : name) + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Bean
  KeelAuthorizer fiat() {
    return (user, application, action) -> !user.equals(REFUSED);
  }

}
