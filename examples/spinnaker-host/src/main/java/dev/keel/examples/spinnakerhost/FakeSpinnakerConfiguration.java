package dev.keel.examples.spinnakerhost;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.engine.KeelEngine;
import dev.keel.spi.Simulator;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.titus.api.TitusCloud;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for the Spinnaker a real service talks to: keel-testkit's fake Clouddriver and Orca on the ports
 * {@code application.yml} points the cloud plugins at, serving the clouds of the simulator plugins, which are told to
 * boot instances, run stages and bake in seconds rather than minutes. A real Spinnaker service has none of this: its
 * plugin configuration names its own Clouddriver and Orca.
 */
@Configuration(proxyBeanMethods = false)
class FakeSpinnakerConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FakeSpinnakerConfiguration.class);

  @Bean(destroyMethod = "close")
  FakeSpinnaker fakeSpinnaker(@Value("${example.fake-spinnaker.clouddriver-port}") int clouddriver,
      @Value("${example.fake-spinnaker.orca-port}") int orca, Clock clock) {
    FakeSpinnaker fake = FakeSpinnaker.builder(clock).ports(clouddriver, orca).start();
    LOG.info("Fake Spinnaker: Clouddriver at {}, Orca at {}", fake.clouddriverUrl(), fake.orcaUrl());
    return fake;
  }

  /** Once the engine has loaded the simulator plugins, the fake serves their clouds. */
  @Bean
  SmartInitializingSingleton simulatedCloudsBehindTheFake(KeelEngine engine, FakeSpinnaker fake) {
    return () -> {
      for (Simulator simulator : engine.simulators()) {
        simulator.seed(Map.of("settings", Map.of("bootTime", "5s", "stageDuration", "2s",
            simulator.name().contains("titus") ? "batchDuration" : "bakeDuration", "10s")));
        simulator.clouds().values().forEach(cloud -> {
          if (cloud instanceof Ec2Cloud ec2) {
            fake.serve(ec2);
          } else if (cloud instanceof TitusCloud titus) {
            fake.serve(titus);
          }
        });
      }
    };
  }
}
