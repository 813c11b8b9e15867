package dev.keel.spinnaker;

import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The upstream Clouddriver and Orca payloads of {@code fixtures/spinnaker-payloads}. */
final class Payloads {

  static final Path DIR = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "spinnaker-payloads");

  private Payloads() {}

  static String text(String name) {
    try {
      return Files.readString(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonView load(String name) {
    try {
      return new JsonView(SpinnakerHttp.mapper().readTree(text(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
