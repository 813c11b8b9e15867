package dev.keel.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ec2.api.BaseImageSource;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.spi.KeelContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The EC2 adapter's base images: Spinnaker keeps no catalog of them, so they are the {@code baseImages} setting, or
 * what a source the host registered answers at the time of asking. Nothing here talks HTTP.
 */
class BaseImageSourceTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);

  /** A plugin context with a configuration and host services: all that the adapters ask of one. */
  private static KeelContext context(Map<String, Object> config, Map<Class<?>, Object> services) {
    return (KeelContext) Proxy.newProxyInstance(KeelContext.class.getClassLoader(), new Class<?>[] {KeelContext.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "config" -> config;
          case "clock" -> CLOCK;
          case "service" -> Optional.ofNullable(services.get((Class<?>) args[0]));
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName() + " is not asked here");
        });
  }

  private static Map<String, Object> settings() {
    return Map.of("cloud", "spinnaker", "clouddriverUrl", "http://127.0.0.1:1", "orcaUrl", "http://127.0.0.1:2",
        "baseImages", Map.of("bionic", Map.of("release", "bionicbase-release-2")));
  }

  @Test
  void withoutAHostSourceTheBaseImagesAreTheSetting() {
    var ec2 = SpinnakerClouds.of(context(settings(), Map.of()), "dev.keel.ec2").ec2();

    assertThat(ec2.baseImage("bionic", "release")).map(Catalog.BaseImage::name).hasValue("bionicbase-release-2");
    assertThat(ec2.baseImage("bionic", "candidate")).isEmpty();
    assertThat(ec2.baseImage("focal", "release")).isEmpty();
  }

  @Test
  void aHostSourceIsAskedAtEveryCallSoABaseImagePublishedLaterIsSeen() {
    Map<String, Catalog.BaseImage> catalog = new ConcurrentHashMap<>();
    BaseImageSource dynamic = (os, label) -> Optional.ofNullable(catalog.get(os + "/" + label));
    var ec2 = SpinnakerClouds.of(context(settings(), Map.of(BaseImageSource.class, dynamic)), "dev.keel.ec2")
        .ec2();

    assertThat(ec2.baseImage("bionic", "release")).isEmpty();
    catalog.put("bionic/release", new Catalog.BaseImage("bionicbase-release-3", "bionic", "release",
        CLOCK.instant()));
    assertThat(ec2.baseImage("bionic", "release")).map(Catalog.BaseImage::name).hasValue("bionicbase-release-3");
  }

  @Test
  void aHostSourceThatCannotBeReadFailsTheReadWithItsOwnMessage() {
    BaseImageSource broken = (os, label) -> {
      throw new Ec2ReadException("base image configuration unavailable: config service answered 503");
    };
    var ec2 = SpinnakerClouds.of(context(settings(), Map.of(BaseImageSource.class, broken)), "dev.keel.ec2")
        .ec2();

    assertThatThrownBy(() -> ec2.baseImage("bionic", "release")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("config service answered 503");
  }
}
