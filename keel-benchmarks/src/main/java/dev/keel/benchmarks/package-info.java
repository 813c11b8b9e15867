/**
 * JMH benchmarks, run by hand from {@code keel-benchmarks/target/benchmarks.jar}; results and the
 * commands that produced them are kept in {@code docs/benchmarks.md}.
 */
package dev.keel.benchmarks;
