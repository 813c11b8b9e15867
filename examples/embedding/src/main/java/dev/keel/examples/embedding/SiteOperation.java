package dev.keel.examples.embedding;

import dev.keel.spi.actuation.Operation;

/**
 * What {@link SiteHandler} plans: typed operations, each with a description a person reads in a plan. Planning
 * only builds these; {@link SiteHandler#execute} runs them against the {@link SiteHost}.
 */
public sealed interface SiteOperation extends Operation {

  /**
   * The site the operation changes.
   *
   * @return its host name
   */
  String hostname();

  /**
   * Uploads a bundle and serves it, creating the site if it does not exist. Takes the host a while.
   *
   * @param hostname the site
   * @param target what the site serves afterwards
   */
  record PublishBundle(String hostname, SiteState target) implements SiteOperation {
    @Override
    public String type() {
      return "publish";
    }

    @Override
    public String description() {
      return "publish bundle " + target.bundle() + " to " + hostname + " (cache " + target.cacheTtlSeconds() + "s)";
    }
  }

  /**
   * Changes only how long pages are cached; the bundle stays. Quick.
   *
   * @param hostname the site
   * @param cacheTtlSeconds the new time-to-live
   */
  record SetCacheTtl(String hostname, int cacheTtlSeconds) implements SiteOperation {
    @Override
    public String type() {
      return "set-cache-ttl";
    }

    @Override
    public String description() {
      return "set the cache time-to-live of " + hostname + " to " + cacheTtlSeconds + "s";
    }
  }
}
