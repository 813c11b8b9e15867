package dev.keel.spring.it;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A host that builds its own engine: the starter backs off, and serves the REST API over the host's engine. */
@SpringBootConfiguration
@EnableAutoConfiguration
class OwnEngineHost {

  static final String INSTANCE = "built-by-the-host";

  @Bean(destroyMethod = "close")
  KeelEngine hostEngine() {
    return KeelEngine.builder().config(EngineConfig.builder().instanceId(INSTANCE).build()).build();
  }
}
