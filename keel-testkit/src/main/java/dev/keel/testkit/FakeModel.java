package dev.keel.testkit;

/**
 * What a fake thing looks like, desired or current.
 *
 * @param size its size
 * @param version its version
 */
public record FakeModel(int size, String version) {}
