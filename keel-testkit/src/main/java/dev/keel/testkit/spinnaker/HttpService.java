package dev.keel.testkit.spinnaker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * One service of the fake on the JDK's HTTP server, bound to the loopback interface: reads each request with a
 * bounded body, applies an injected fault, checks the Spinnaker user header, routes it, and records it. A
 * handler never waits for virtual time: it answers from the cloud's current state at once.
 */
final class HttpService implements AutoCloseable {

  /** The header every Clouddriver and Orca call carries (Fiat checks it). */
  static final String USER_HEADER = "X-SPINNAKER-USER";

  private final Service service;
  private final Router router;
  private final Faults faults;
  private final Recorder recorder;
  private final int maxBodyBytes;
  private final boolean requireUser;
  private final HttpServer server;
  private final ExecutorService executor;

  /** Where every request is recorded, numbered across both services. */
  interface Recorder {
    void record(Service service, Request request, String rawQuery, int status, @Nullable Fault fault);
  }

  HttpService(Service service, int port, Router router, Faults faults, Recorder recorder, int maxBodyBytes,
      boolean requireUser, int threads) {
    this.service = service;
    this.router = router;
    this.faults = faults;
    this.recorder = recorder;
    this.maxBodyBytes = maxBodyBytes;
    this.requireUser = requireUser;
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for the fake "
          + service.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
    }
    AtomicInteger n = new AtomicInteger();
    String name = "fake-" + service.name().toLowerCase(Locale.ROOT) + "-";
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        return;
      }
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      String body;
      try {
        body = readBody(exchange);
      } catch (HttpProblem tooLarge) {
        Request r = new Request(method, path, Map.of(), query(rawQuery), headers, "", null);
        recorder.record(service, r, rawQuery, tooLarge.status(), null);
        send(exchange, error(tooLarge.status(), tooLarge.getMessage(), path), null);
        return;
      }
      Fault fault = faults.take(service, method, path);
      Request request = new Request(method, path, Map.of(), query(rawQuery), headers, body,
          fault instanceof Fault.FailTask ? fault : null);
      if (fault instanceof Fault.Drop) {
        recorder.record(service, request, rawQuery, 0, fault);
        return; // closing the exchange unanswered drops the connection
      }
      if (fault instanceof Fault.Hang h) {
        h.gate().pass();
      }
      Response response = fault instanceof Fault.Status s ? error(s.code(), "Injected fault", path)
          : answer(request);
      if (fault instanceof Fault.Malformed) {
        response = malformed(response);
      }
      recorder.record(service, request, rawQuery, response.status(), fault);
      send(exchange, response, fault instanceof Fault.SlowBody s ? s.gate() : null);
    }
  }

  private Response answer(Request request) {
    String user = request.header(USER_HEADER);
    if (requireUser && (user == null || user.isBlank())) {
      return error(403, "Access is denied: no " + USER_HEADER + " header", request.path());
    }
    try {
      var match = router.match(request.method(), request.path());
      if (match.isEmpty()) {
        return error(404, "No route for " + request.method() + " " + request.path(), request.path());
      }
      return match.get().handler().handle(request.withParams(match.get().params()));
    } catch (HttpProblem p) {
      return error(p.status(), p.getMessage(), request.path());
    } catch (RuntimeException e) {
      return error(500, e.toString(), request.path());
    }
  }

  private String readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          throw new HttpProblem(413, "Request body over " + maxBodyBytes + " bytes");
        }
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "Bad Content-Length " + length);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw new HttpProblem(413, "Request body over " + maxBodyBytes + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void send(HttpExchange exchange, Response response, @Nullable Gate slow) throws IOException {
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length == 0) {
      return;
    }
    OutputStream out = exchange.getResponseBody();
    if (slow != null) {
      int half = body.length / 2;
      out.write(body, 0, half);
      out.flush();
      slow.pass();
      out.write(body, half, body.length - half);
    } else {
      out.write(body);
    }
    out.close();
  }

  /** Spring Boot's error body. */
  static Response error(int status, String message, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", reason(status));
    body.put("message", message);
    body.put("path", path);
    return Response.json(status, JsonView.write(body));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }

  private static Response malformed(Response response) {
    byte[] body = response.body().length > 1 ? response.body() : "{\"malformed\": true}".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
    return new Response(200, cut, Response.JSON);
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }
}
