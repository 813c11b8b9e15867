/**
 * One small HTTP transport a host can hand to plugins that talk to remote services (Spinnaker's Clouddriver and
 * Orca): {@link dev.keel.spi.http.HttpTransport} sends an {@link dev.keel.spi.http.HttpRequest} addressed to a
 * service by name and returns an {@link dev.keel.spi.http.HttpResponse}. A host with its own authenticated
 * clients (a Spinnaker service, with kork's) registers one with
 * {@code KeelEngine.builder().service(HttpTransport.class, transport)}; a plugin that finds none builds the JDK's
 * from its configuration. Only JDK types cross it.
 */
@ParametersAreNonnullByDefault
package dev.keel.spi.http;

import javax.annotation.ParametersAreNonnullByDefault;
