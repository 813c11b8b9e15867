package dev.keel.spinnaker.http;

import dev.keel.spi.http.HttpRequest;
import dev.keel.spi.http.HttpResponse;
import dev.keel.spi.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.annotation.Nullable;
import javax.net.ssl.SSLContext;

/**
 * The JDK's {@link HttpClient} behind {@link HttpTransport}: each service's base URL, a connect timeout and an
 * optional {@link SSLContext}. The client is built at the first request, so that nothing (the JDK's selector
 * thread) starts before the engine does; it stops when the transport is no longer referenced.
 *
 * <p>A request's timeout bounds the whole exchange, the body included: the JDK's own request timeout stops at the
 * response headers, so the transport also waits for the complete response no longer than the timeout and then
 * cancels the exchange. An interrupt cancels it too.
 */
public final class JdkHttpTransport implements HttpTransport {

  private final Map<String, URI> baseUrls;
  private final Duration connectTimeout;
  @Nullable private final SSLContext ssl;
  private volatile HttpClient client;

  /**
   * A transport.
   *
   * @param baseUrls each service's base URL, by service name ({@code clouddriver}, {@code orca})
   * @param connectTimeout how long to wait for a connection
   * @param ssl the TLS context, or null for the JDK's default
   */
  public JdkHttpTransport(Map<String, URI> baseUrls, Duration connectTimeout, @Nullable SSLContext ssl) {
    this.baseUrls = Map.copyOf(baseUrls);
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.ssl = ssl;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
          if (ssl != null) {
            b.sslContext(ssl);
          }
          c = b.build();
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * The URI a request goes to.
   *
   * @param request the request
   * @return the service's base URL, the path and the encoded query
   * @throws IllegalArgumentException for an unknown service
   */
  URI uri(HttpRequest request) {
    URI base = baseUrls.get(request.service());
    if (base == null) {
      throw new IllegalArgumentException("No base URL for service '" + request.service() + "': known are "
          + baseUrls.keySet());
    }
    String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
        : base.toString();
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    request.query().forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return URI.create(root + request.path() + query);
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException, InterruptedException {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri(request))
        .timeout(request.timeout())
        .method(request.method(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach(b::header);
    CompletableFuture<java.net.http.HttpResponse<String>> exchange =
        client().sendAsync(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      java.net.http.HttpResponse<String> r =
          exchange.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
      return new HttpResponse(r.statusCode(), r.headers().map(), r.body() == null ? "" : r.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete response to " + request.describe() + " within "
          + request.timeout());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (CancellationException e) {
      throw new IOException(request.describe() + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(request.describe() + " failed: " + cause, cause);
    }
  }
}
