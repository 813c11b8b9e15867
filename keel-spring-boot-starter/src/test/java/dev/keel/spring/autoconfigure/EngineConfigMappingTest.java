package dev.keel.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.freeze.FreezeScope;
import dev.keel.engine.schedule.RateLimit;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code keel.*} properties become the engine's configuration; unset ones keep its defaults. */
class EngineConfigMappingTest {

  @Test
  void unsetPropertiesGiveTheEngineDefaults() {
    assertThat(EngineConfigMapping.toEngineConfig(new KeelProperties())).isEqualTo(EngineConfig.defaults());
  }

  @Test
  void everySetPropertyReachesItsEngineConfigField() {
    KeelProperties p = new KeelProperties();
    p.setCheckInterval(Duration.ofSeconds(30));
    p.setCheckIntervalByKind(Map.of("ec2/cluster", Duration.ofMinutes(5)));
    p.setJitter(0.2);
    p.setMaxConcurrentChecks(7);
    RateProperties rate = new RateProperties();
    rate.setPerSecond(2);
    rate.setBurst(4);
    p.setRateLimits(Map.of("titus/cluster", rate));
    p.setDefaultRateLimit(rate);
    p.setCallTimeout(Duration.ofSeconds(45));
    GiveUpProperties giveUp = new GiveUpProperties();
    giveUp.setMaxActions(5);
    p.setGiveUpPolicy(giveUp);
    RetryProperties retry = new RetryProperties();
    retry.setBase(Duration.ofSeconds(1));
    p.setRetryBackoff(retry);
    p.setTaskPollInterval(Duration.ofSeconds(3));
    p.setDisabledResolvers(Set.of("image"));
    p.setClaimLease(Duration.ofMinutes(7));
    p.setInstanceId("keel-2");
    p.setRandomSeed(42L);
    p.setPromotionCheckInterval(Duration.ofSeconds(20));
    p.setMaxConsideredVersions(3);
    FreezeProperties freeze = new FreezeProperties();
    freeze.setScope("application");
    freeze.setTarget("fnord");
    freeze.setDays("Sat-Sun");
    p.setOperatorFreezes(List.of(freeze));
    RetentionProperties keep = new RetentionProperties();
    keep.setMaxEvents(10);
    p.setRetention(keep);
    p.setDefaultTimeZone("UTC");
    p.setMaxStuckCallsPerPlugin(2);
    p.getPlugins().setConfig(Map.of("dev.keel.ec2", Map.of("simulated", "true")));

    EngineConfig c = EngineConfigMapping.toEngineConfig(p);

    assertThat(c.checkInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.checkInterval("ec2/cluster")).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.jitter()).isEqualTo(0.2);
    assertThat(c.maxConcurrentChecks()).isEqualTo(7);
    assertThat(c.rateLimits()).containsEntry("titus/cluster", new RateLimit(2, 4));
    assertThat(c.defaultRateLimit()).isEqualTo(new RateLimit(2, 4));
    assertThat(c.callTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.giveUpPolicy().maxActions()).isEqualTo(5);
    assertThat(c.retryBackoff().base()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.taskPollInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.disabledResolvers()).containsExactly("image");
    assertThat(c.claimLease()).isEqualTo(Duration.ofMinutes(7));
    assertThat(c.instanceId()).isEqualTo("keel-2");
    assertThat(c.randomSeed()).isEqualTo(42L);
    assertThat(c.promotionCheckInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.maxConsideredVersions()).isEqualTo(3);
    assertThat(c.operatorFreezes()).singleElement().satisfies(f -> {
      assertThat(f.scope()).isEqualTo(FreezeScope.APPLICATION);
      assertThat(f.target()).isEqualTo("fnord");
      assertThat(f.window().days()).isEqualTo("Sat-Sun");
    });
    assertThat(c.retention().maxEvents()).isEqualTo(10);
    assertThat(c.defaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(c.maxStuckCallsPerPlugin()).isEqualTo(2);
    assertThat(c.pluginConfig("dev.keel.ec2")).containsEntry("simulated", "true");
  }

  @Test
  void anInvalidValueIsRefusedNamingItsProperty() {
    KeelProperties p = new KeelProperties();
    p.setJitter(1.5);
    assertThatThrownBy(() -> EngineConfigMapping.toEngineConfig(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid keel.* property").hasMessageContaining("jitter");

    KeelProperties zone = new KeelProperties();
    zone.setDefaultTimeZone("Mars/Olympus");
    assertThatThrownBy(() -> EngineConfigMapping.toEngineConfig(zone))
        .hasMessageContaining("keel.default-time-zone").hasMessageContaining("Mars/Olympus");

    KeelProperties freeze = new KeelProperties();
    FreezeProperties f = new FreezeProperties();
    f.setScope("planet");
    freeze.setOperatorFreezes(List.of(f));
    assertThatThrownBy(() -> EngineConfigMapping.toEngineConfig(freeze))
        .hasMessageContaining("keel.operator-freezes[0]").hasMessageContaining("GLOBAL");
  }
}
