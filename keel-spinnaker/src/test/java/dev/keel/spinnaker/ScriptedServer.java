package dev.keel.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A local HTTP server on 127.0.0.1 and a free port, scripted per test: each route ({@code "GET /path"}) answers
 * with the next of its queued replies (the last one repeats), and every request is recorded.
 */
final class ScriptedServer implements AutoCloseable {

  /** A recorded request. */
  record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return SpinnakerHttp.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String route() {
      return method + " " + path;
    }
  }

  /** A reply: status and body, or something the handler does first (block on a latch). */
  @FunctionalInterface
  interface Reply {
    void answer(HttpExchange exchange, Request request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, ConcurrentLinkedDeque<Reply>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues replies for a route such as {@code GET /credentials/test}. */
  ScriptedServer on(String route, Reply... replies) {
    routes.computeIfAbsent(route, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Replaces a route's replies. */
  ScriptedServer replace(String route, Reply... replies) {
    routes.remove(route);
    return on(route, replies);
  }

  static Reply json(int status, String body) {
    return (exchange, request) -> send(exchange, status, body);
  }

  static Reply json(String body) {
    return json(200, body);
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Request> requests(String route) {
    return requests().stream().filter(r -> r.route().equals(route)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query,
        headers, body);
    requests.add(request);
    ConcurrentLinkedDeque<Reply> replies = routes.get(request.route());
    if (replies == null || replies.isEmpty()) {
      send(exchange, 404, "{\"error\":\"Not Found\",\"message\":\"no script for " + request.route() + "\"}");
      return;
    }
    Reply reply = replies.size() > 1 ? replies.pollFirst() : replies.peekFirst();
    try {
      reply.answer(exchange, request);
    } catch (IOException e) {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
