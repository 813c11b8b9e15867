package dev.keel.docs;

import java.util.Objects;

/**
 * One file a guide spells out in full, as a fenced code block whose first line names it.
 *
 * @param path the file's path inside the guide's project: relative, with {@code /} and without {@code ..}
 * @param line the line of the guide where the block's marker is, for messages
 * @param text the file's content (the block without its marker line), ending with a newline
 */
public record DocFile(String path, int line, String text) {

  /** Checks the components. */
  public DocFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
