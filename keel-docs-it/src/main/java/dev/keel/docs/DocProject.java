package dev.keel.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project a Markdown guide spells out: every fenced code block whose first line is a comment naming a file
 * ({@code // file: src/main/java/...}, {@code <!-- file: pom.xml -->}, {@code # file: ...}) is that file, the
 * marker line left out. The build writes the files into a directory and builds the project there, so a snippet
 * changed in the guide changes what is built. Blocks without a marker are excerpts and are left alone.
 *
 * @param guide the guide the project was read from
 * @param files the files, in the order the guide shows them
 */
public record DocProject(Path guide, List<DocFile> files) {

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)(.*)$");
  private static final Pattern MARKER =
      Pattern.compile("^\\s*(?://|#|<!--)\\s*file:\\s*(\\S+?)\\s*(?:-->)?\\s*$");

  /** Checks the components and copies the list. */
  public DocProject {
    Objects.requireNonNull(guide, "guide");
    files = List.copyOf(files);
  }

  /**
   * Reads the project a guide spells out.
   *
   * @param guide the Markdown file
   * @return its project
   * @throws IllegalArgumentException naming the guide and line when a block is not closed, a path is absolute or
   *     leaves the project, two blocks name one file, or the guide names no file at all
   */
  public static DocProject read(Path guide) {
    List<String> lines;
    try {
      lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + guide, e);
    }
    return parse(guide, lines);
  }

  static DocProject parse(Path guide, List<String> lines) {
    Map<String, DocFile> files = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        i++;
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      int start = i;
      List<String> body = new ArrayList<>();
      i++;
      while (i < lines.size() && !closes(lines.get(i), fence)) {
        body.add(unindent(lines.get(i), indent));
        i++;
      }
      if (i == lines.size()) {
        throw new IllegalArgumentException(guide + ":" + (start + 1) + ": the code block opened here is never closed"
            + " (add a line " + fence + ")");
      }
      i++;
      Matcher marker = body.isEmpty() ? null : MARKER.matcher(body.get(0));
      if (marker != null && marker.matches()) {
        String path = checkedPath(guide, start + 2, marker.group(1));
        DocFile file = new DocFile(path, start + 2, String.join("\n", body.subList(1, body.size())) + "\n");
        DocFile earlier = files.putIfAbsent(path, file);
        if (earlier != null) {
          throw new IllegalArgumentException(guide + ":" + file.line() + ": " + path + " is spelled out already at line "
              + earlier.line() + "; show a file once and refer to it elsewhere");
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(guide + ": no code block names a file; the project of this guide is"
          + " spelled out in blocks whose first line is a comment such as '// file: src/main/java/Example.java'");
    }
    return new DocProject(guide, List.copyOf(files.values()));
  }

  private static boolean closes(String line, String fence) {
    String trimmed = line.strip();
    return trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == fence.charAt(0));
  }

  private static String unindent(String line, int indent) {
    int cut = 0;
    while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
      cut++;
    }
    return line.substring(cut);
  }

  private static String checkedPath(Path guide, int line, String path) {
    Path p = Path.of(path).normalize();
    if (path.startsWith("/") || p.isAbsolute() || p.startsWith("..") || path.contains("\\")) {
      throw new IllegalArgumentException(guide + ":" + line + ": '" + path + "' is not a relative path inside the"
          + " project; name files like src/main/java/com/example/Host.java");
    }
    return p.toString().replace('\\', '/');
  }

  /**
   * Writes the project into a directory, emptied first so that a file the guide no longer shows is gone.
   *
   * @param directory where; created if missing
   */
  public void writeTo(Path directory) {
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> old = Files.walk(directory)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (DocFile file : files) {
        Path target = directory.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.text(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the project of " + guide + " to " + directory, e);
    }
  }

  /**
   * Writes the projects of guides, as the build does before it builds them.
   *
   * @param args pairs {@code guide.md=directory}
   */
  public static void main(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("Usage: DocProject guide.md=directory ...");
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("'" + arg + "' is not guide.md=directory");
      }
      DocProject project = read(Path.of(arg.substring(0, eq)));
      Path directory = Path.of(arg.substring(eq + 1));
      project.writeTo(directory);
      System.out.println("Wrote " + project.files().size() + " files of " + project.guide() + " to " + directory);
    }
  }
}
