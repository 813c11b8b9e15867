package dev.keel.engine.store;

/**
 * A resource whose check is due, claimed by one engine instance for a lease.
 *
 * @param resourceId the resource
 * @param triggered whether something changed (a new config, a recheck request) rather than the periodic
 *     interval elapsing; triggered checks go first
 */
public record DueCheck(String resourceId, boolean triggered) {}
