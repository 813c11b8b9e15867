package dev.keel.spring.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.engine.KeelEngine;
import dev.keel.testkit.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A started host application on a random local port, and a JDK HTTP client to call it as Keel's clients do (as
 * Gate would, with {@code X-SPINNAKER-USER} when a user is given).
 */
final class RunningHost implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final ConfigurableApplicationContext context;
  final URI base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * A reply.
   *
   * @param status the HTTP status
   * @param json the body, parsed; null when not JSON
   * @param text the raw body
   */
  record Reply(int status, JsonNode json, String text) {}

  /** Starts the application with the plugins of the build, on the simulated clouds, and the given properties. */
  static RunningHost start(Class<?> host, String... properties) {
    return start(host, null, properties);
  }

  /**
   * Starts the application with a scheduler the test made (registered before the context starts), so that what the
   * test built on its clock before (a fake Spinnaker) shares the engine's virtual time.
   */
  static RunningHost start(Class<?> host, VirtualScheduler scheduler, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "server.port=0",
        "spring.main.banner-mode=off",
        "keel.plugins.directory=" + System.getProperty("keel.testPlugins", "target/test-plugins"),
        "keel.plugins.config[dev.keel.ec2].simulated=true",
        "keel.plugins.config[dev.keel.titus].simulated=true",
        "keel.random-seed=1",
        "keel.store.clock=engine",
        "keel.security.trust-gate-header=true",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"));
    all.addAll(List.of(properties));
    SpringApplicationBuilder app = new SpringApplicationBuilder(host).web(WebApplicationType.SERVLET)
        .properties(all.toArray(String[]::new));
    if (scheduler != null) {
      app.initializers(c -> c.getBeanFactory().registerSingleton("keelScheduler", scheduler));
    }
    ConfigurableApplicationContext context = app.run();
    return new RunningHost(context);
  }

  private RunningHost(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
  }

  KeelEngine engine() {
    return context.getBean(KeelEngine.class);
  }

  VirtualScheduler scheduler() {
    return context.getBean(VirtualScheduler.class);
  }

  /** Moves virtual time on in steps until the condition holds or the limit passes. */
  boolean advanceUntil(BooleanSupplier condition, Duration step, Duration limit) {
    VirtualScheduler s = scheduler();
    s.runUntilIdle();
    for (Duration spent = Duration.ZERO; spent.compareTo(limit) < 0; spent = spent.plus(step)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      s.advance(step);
    }
    return condition.getAsBoolean();
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), null);
  }

  Reply post(String path, String contentType, String body, String user) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)), user);
  }

  Reply postJson(String path, Map<String, ?> body, String user) {
    try {
      return post(path, "application/json", JSON.writeValueAsString(body), user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply delete(String path, String user) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), user);
  }

  /**
   * Sends a request with exactly the given headers (and {@code Accept: application/json}), as a client of a host with
   * its own security does.
   */
  Reply send(String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return send(request, null);
  }

  private Reply send(HttpRequest.Builder request, String user) {
    if (user != null) {
      request.header("X-SPINNAKER-USER", user);
    }
    try {
      HttpResponse<String> r = http.send(request.header("Accept", "application/json")
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isEmpty() ? null : JSON.readTree(r.body());
      } catch (IOException notJson) {
        json = null;
      }
      return new Reply(r.statusCode(), json, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every row of every Keel table, as text, to compare the store before and after. */
  Map<String, List<String>> storeRows() {
    javax.sql.DataSource ds = context.getBean(javax.sql.DataSource.class);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (var c = ds.getConnection(); var st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE"
          + " 'keel\\_%' ORDER BY TABLE_NAME")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        List<String> lines = new ArrayList<>();
        try (var rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              sb.append(rs.getString(i)).append('|');
            }
            lines.add(sb.toString());
          }
        }
        lines.sort(String::compareTo);
        rows.put(table, lines);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Override
  public void close() {
    context.close();
  }
}
