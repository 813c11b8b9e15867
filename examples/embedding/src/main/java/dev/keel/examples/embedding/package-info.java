/**
 * Embedding the Keel engine in a plain Java host.
 *
 * <p>Read {@link dev.keel.examples.embedding.EmbeddingExample} top to bottom: it builds an engine, subscribes to
 * its events, plans and submits a delivery config, publishes an artifact version and follows it through two
 * environments. The resources are static web sites ({@code static/site@v1}, {@link
 * dev.keel.examples.embedding.SiteSpec}) served by an in-memory hosting service ({@link
 * dev.keel.examples.embedding.SiteHost}) through a handler registered on the host ({@link
 * dev.keel.examples.embedding.SiteHandler}), so no cloud is needed.
 */
@ParametersAreNonnullByDefault
package dev.keel.examples.embedding;

import javax.annotation.ParametersAreNonnullByDefault;
