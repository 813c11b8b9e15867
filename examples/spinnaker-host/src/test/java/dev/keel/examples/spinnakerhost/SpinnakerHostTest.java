package dev.keel.examples.spinnakerhost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.KeelEngine;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example service starts as its README says, on H2, with every plugin loaded and configured for the fake
 * Spinnaker, and serves the sample delivery it submitted at start through Keel's REST API. (That this plugin
 * configuration converges fnord.yml on the fake Spinnaker is keel-spring-boot-it's FnordOnFakeSpinnakerTest, on
 * virtual time; this service runs on real time.)
 */
class SpinnakerHostTest {

  @Test
  void theServiceStartsWithItsPluginsOnTheFakeSpinnakerAndServesTheSampleDelivery() throws Exception {
    int clouddriver = freePort();
    int orca = freePort();
    try (ConfigurableApplicationContext context = SpringApplication.run(SpinnakerHost.class,
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:spinnaker-host;DB_CLOSE_DELAY=-1",
        "--keel.plugins.directory=" + System.getProperty("keel.plugins.directory", "target/plugins"),
        "--example.sample.config=../configs/fnord.yml",
        "--example.fake-spinnaker.clouddriver-port=" + clouddriver, "--example.fake-spinnaker.orca-port=" + orca)) {
      KeelEngine engine = context.getBean(KeelEngine.class);
      assertThat(engine.pluginFailures()).isEmpty();
      assertThat(engine.config().pluginConfig("dev.keel.ec2")).containsEntry("cloud", "spinnaker")
          .containsEntry("clouddriverUrl", "http://127.0.0.1:" + clouddriver);
      assertThat(context.getBean(FakeSpinnaker.class).clouddriverUrl().getPort()).isEqualTo(clouddriver);

      URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> view = http.send(HttpRequest.newBuilder(base.resolve("/application/fnord"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(view.body()).contains("ec2:cluster:prod:fnord-main").contains("titus:cluster:test:fnord-api");
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"keel\":{\"status\":\"UP\"");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
