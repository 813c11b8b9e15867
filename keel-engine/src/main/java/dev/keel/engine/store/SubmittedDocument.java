package dev.keel.engine.store;

import java.util.Objects;

/**
 * A delivery config as its author submitted it: the document's text (templates and all) and the name it was
 * submitted under, kept beside the config read from it so that the config can be shown as written.
 *
 * @param sourceName the file or other name the document was read under, as problems name it
 * @param text the document, YAML or JSON, unchanged
 */
public record SubmittedDocument(String sourceName, String text) {

  /** Checks for nulls. */
  public SubmittedDocument {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
  }

  /** The source name and the length of the text; the text itself may be long. */
  @Override
  public String toString() {
    return "SubmittedDocument[" + sourceName + ", " + text.length() + " characters]";
  }
}
