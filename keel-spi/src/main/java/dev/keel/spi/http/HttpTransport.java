package dev.keel.spi.http;

import java.io.IOException;

/**
 * Sends HTTP requests to services known by name, such as {@code clouddriver} and {@code orca}: the transport
 * knows each service's base URL, TLS settings and credentials; the caller gives a path, query, headers and body.
 * Implementations are thread-safe.
 *
 * <p>How failures are told apart, so that a caller knows whether a request may have reached the service:
 * <ul>
 *   <li>a response of any status, 4xx and 5xx included, is returned, never thrown;
 *   <li>no response within {@link HttpRequest#timeout()} throws {@link java.net.http.HttpTimeoutException} or
 *       {@link java.net.SocketTimeoutException}: the service may have received the request;
 *   <li>no connection at all throws {@link java.net.ConnectException} (or
 *       {@link java.net.http.HttpConnectTimeoutException}): nothing was sent;
 *   <li>any other I/O failure throws another {@link IOException};
 *   <li>an interrupt of the calling thread abandons the request and throws {@link InterruptedException}.
 * </ul>
 * A request never blocks longer than its timeout, connecting included.
 */
@FunctionalInterface
public interface HttpTransport {

  /**
   * Sends a request and waits for the whole response.
   *
   * @param request the request
   * @return the response, whatever its status
   * @throws IOException if no response arrived (see the class comment for the kinds)
   * @throws InterruptedException if the calling thread was interrupted while waiting
   * @throws IllegalArgumentException if the transport knows no such service
   */
  HttpResponse send(HttpRequest request) throws IOException, InterruptedException;
}
