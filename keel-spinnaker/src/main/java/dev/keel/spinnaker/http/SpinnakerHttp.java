package dev.keel.spinnaker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.keel.spi.http.HttpRequest;
import dev.keel.spi.http.HttpResponse;
import dev.keel.spi.http.HttpTransport;
import dev.keel.spinnaker.SpinnakerCallException;
import dev.keel.spinnaker.SpinnakerCallException.Kind;
import dev.keel.spinnaker.SpinnakerConfig;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Clouddriver and Orca over a transport, the way Keel does: every call carries {@code X-SPINNAKER-USER}
 * and {@code X-SPINNAKER-USER-ORIGIN}; reads are retried with jittered exponential back-off on connect errors,
 * 429 and 5xx, up to {@link SpinnakerConfig#readAttempts()} attempts, and a 404 is an absent result; writes are
 * made once. Responses are parsed with Jackson (2.13 APIs), unknown fields ignored. Every failure is a
 * {@link SpinnakerCallException} naming the call.
 */
public final class SpinnakerHttp {

  /** Clouddriver's service name. */
  public static final String CLOUDDRIVER = "clouddriver";

  /** Orca's service name. */
  public static final String ORCA = "orca";

  /** The content type of Keel's task submissions, which Orca maps to its orchestration endpoint. */
  public static final String CONTEXT_JSON = "application/context+json";

  /** The first back-off; each further attempt doubles it, jittered by ±50%. */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(SpinnakerHttp.class);

  private final HttpTransport transport;
  private final SpinnakerConfig config;
  private final Pause pause;
  private final DoubleSupplier jitter;
  private final ObjectMapper mapper;

  /**
   * A caller.
   *
   * @param transport the transport
   * @param config timeouts, attempts and headers
   * @param pause how back-off waits
   * @param jitter random numbers in [0, 1) for the back-off's jitter
   */
  public SpinnakerHttp(HttpTransport transport, SpinnakerConfig config, Pause pause, DoubleSupplier jitter) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.config = Objects.requireNonNull(config, "config");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.mapper = mapper();
  }

  /**
   * A caller that waits in real time with random jitter.
   *
   * @param transport the transport
   * @param config the settings
   */
  public SpinnakerHttp(HttpTransport transport, SpinnakerConfig config) {
    this(transport, config, Pause.REAL, new Random()::nextDouble);
  }

  /**
   * The object mapper every adapter parses and writes with: unknown properties ignored (Clouddriver's payloads
   * carry many fields and a {@code class} key).
   *
   * @return a new mapper
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /**
   * The settings.
   *
   * @return them
   */
  public SpinnakerConfig config() {
    return config;
  }

  /**
   * Reads JSON, retrying as described above.
   *
   * @param service the service
   * @param path the path
   * @param query the query
   * @param user the {@code X-SPINNAKER-USER}, or null for the configured user
   * @return the body, or empty for a 404
   * @throws SpinnakerCallException if the read fails
   */
  public Optional<JsonNode> get(String service, String path, Map<String, String> query, @Nullable String user) {
    HttpRequest request = request("GET", service, path, query, user, null, null, config.readTimeout());
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      String retryable;
      try {
        HttpResponse response = transport.send(request);
        if (response.status() == 404) {
          return Optional.empty();
        }
        if (response.isSuccess()) {
          return Optional.of(parse(request, response));
        }
        if (response.status() != 429 && response.status() < 500) {
          throw failure(Kind.REJECTED, request, response);
        }
        if (attempt >= config.readAttempts()) {
          throw failure(Kind.UNAVAILABLE, request, response);
        }
        retryable = "status " + response.status();
      } catch (IOException e) {
        if (isTimeout(e)) {
          throw new SpinnakerCallException(Kind.TIMEOUT, request.describe(), null, "no response within "
              + request.timeout() + " (readTimeout); not retried", e);
        }
        if (attempt >= config.readAttempts()) {
          throw new SpinnakerCallException(Kind.UNAVAILABLE, request.describe(), null, "no connection after "
              + attempt + " attempts: " + e, e);
        }
        retryable = e.toString();
      } catch (InterruptedException e) {
        throw interrupted(request, e);
      }
      Duration wait = Duration.ofNanos((long) (backoff.toNanos() * (0.5 + jitter.getAsDouble())));
      LOG.debug("{} failed ({}), attempt {} of {}; retrying in {}", request.describe(), retryable, attempt,
          config.readAttempts(), wait);
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        throw interrupted(request, e);
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  /**
   * Sends a request once, never retrying: for writes, whose repetition the caller decides on.
   *
   * @param method the method
   * @param service the service
   * @param path the path
   * @param body the body, serialised as JSON, or null
   * @param contentType the body's content type, or null
   * @param user the {@code X-SPINNAKER-USER}, or null for the configured user
   * @param timeout how long to wait for the response
   * @return the parsed body (a null node when empty)
   * @throws SpinnakerCallException if there is no 2xx response ({@link Kind#TIMEOUT} when the service may
   *     have received the request, {@link Kind#UNAVAILABLE} for 429, 5xx and connect errors)
   */
  public JsonNode send(String method, String service, String path, @Nullable Object body,
      @Nullable String contentType, @Nullable String user, Duration timeout) {
    String json;
    try {
      json = body == null ? null : mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the body of " + method + " " + path + " as JSON", e);
    }
    HttpRequest request = request(method, service, path, Map.of(), user, json, contentType, timeout);
    HttpResponse response;
    try {
      response = transport.send(request);
    } catch (IOException e) {
      throw new SpinnakerCallException(isTimeout(e) ? Kind.TIMEOUT : Kind.UNAVAILABLE, request.describe(), null,
          isTimeout(e) ? "no response within " + timeout : "no connection: " + e, e);
    } catch (InterruptedException e) {
      throw interrupted(request, e);
    }
    if (!response.isSuccess()) {
      throw failure(response.status() == 429 || response.status() >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED,
          request, response);
    }
    return parse(request, response);
  }

  private HttpRequest request(String method, String service, String path, Map<String, String> query,
      @Nullable String user, @Nullable String body, @Nullable String contentType, Duration timeout) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("X-SPINNAKER-USER", user == null ? config.user() : user);
    headers.put("X-SPINNAKER-USER-ORIGIN", config.userOrigin());
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return new HttpRequest(method, service, path, query, headers, body, timeout);
  }

  private JsonNode parse(HttpRequest request, HttpResponse response) {
    if (response.body().isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SpinnakerCallException(Kind.MALFORMED, request.describe(), response.status(),
          "the body is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static SpinnakerCallException failure(Kind kind, HttpRequest request, HttpResponse response) {
    String body = response.body().strip();
    return new SpinnakerCallException(kind, request.describe(), response.status(),
        body.isEmpty() ? "no body" : body.length() > 300 ? body.substring(0, 300) + "..." : body, null);
  }

  private static SpinnakerCallException interrupted(HttpRequest request, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new SpinnakerCallException(Kind.TIMEOUT, request.describe(), null,
        "interrupted (the engine's call deadline passed); the request was abandoned", e);
  }

  /** Whether an I/O failure means the request may have reached the service but no answer came in time. */
  static boolean isTimeout(IOException e) {
    return e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)
        || e instanceof SocketTimeoutException;
  }
}
