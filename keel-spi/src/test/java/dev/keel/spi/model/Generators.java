package dev.keel.spi.model;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.stream.Collectors;
import org.quicktheories.core.Gen;

/** String generators over an alphabet, for the naming properties. */
final class Generators {

  static final String NAME_CHARS = "abcxyzABZ019._-";
  static final String APP_CHARS = "abcxyzAZ09._";
  static final String STACK_CHARS = "abzAZ09._~^";
  static final String DETAIL_CHARS = "abzAZ09._~^-v";

  private Generators() {}

  static Gen<String> strings(String alphabet, int min, int max) {
    Gen<Character> chars = integers().between(0, alphabet.length() - 1).map(alphabet::charAt);
    return lists().of(chars).ofSizeBetween(min, max)
        .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  static Gen<String> versions() {
    return lists().of(integers().between(0, 120)).ofSizeBetween(1, 4)
        .map(parts -> parts.stream().map(String::valueOf).collect(Collectors.joining(".")));
  }
}
