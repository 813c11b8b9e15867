package dev.keel.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a guide's code blocks become the files of its project. */
class DocProjectTest {

  private static final Path GUIDE = Path.of("guide.md");
  private static final Path DOCS = Path.of(System.getProperty("keel.root", "..")).resolve("docs");

  private static DocProject parse(String markdown) {
    return DocProject.parse(GUIDE, markdown.lines().toList());
  }

  @Test
  void blocksThatNameAFileBecomeThatFileWithoutTheMarkerAndOtherBlocksAreLeftOut() {
    DocProject project = parse("""
        # A guide
        ```java
        engine.start();  // an excerpt
        ```
        ```xml
        <!-- file: pom.xml -->
        <project/>
        ```
        - in a list:

          ```properties
          # file: src/main/plugin/plugin.properties
          plugin.id=x
            indented=kept
          ```
        """);

    assertThat(project.files()).containsExactly(
        new DocFile("pom.xml", 6, "<project/>\n"),
        new DocFile("src/main/plugin/plugin.properties", 12, "plugin.id=x\n  indented=kept\n"));
  }

  @Test
  void aFileShownTwiceIsRejectedNamingBothLines() {
    assertThatThrownBy(() -> parse("""
        ```java
        // file: src/A.java
        class A {}
        ```
        ```java
        // file: src/A.java
        class B {}
        ```
        """)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("guide.md:6: src/A.java is spelled out already at line 2; show a file once and refer to it"
            + " elsewhere");
  }

  @Test
  void aPathOutsideTheProjectIsRejected() {
    assertThatThrownBy(() -> parse("```sh\n# file: ../evil.sh\nrm -rf /\n```\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("guide.md:2: '../evil.sh' is not a relative path inside the project");
    assertThatThrownBy(() -> parse("```sh\n# file: /etc/passwd\nx\n```\n"))
        .hasMessageStartingWith("guide.md:2: '/etc/passwd' is not a relative path inside the project");
  }

  @Test
  void anUnclosedBlockIsRejectedAtTheLineThatOpensIt() {
    assertThatThrownBy(() -> parse("text\n```java\n// file: A.java\nclass A {}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("guide.md:2: the code block opened here is never closed (add a line ```)");
  }

  @Test
  void aGuideThatNamesNoFileIsRejected() {
    assertThatThrownBy(() -> parse("```java\nengine.start();\n```\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("guide.md: no code block names a file");
  }

  @Test
  void writingEmptiesTheDirectoryFirstSoAFileTheGuideDroppedIsGone(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Stale.java"), "class Stale {}");
    DocProject project = parse("```java\n// file: src/main/java/A.java\nclass A {}\n```\n");

    project.writeTo(dir);

    assertThat(Files.readString(dir.resolve("src/main/java/A.java"))).isEqualTo("class A {}\n");
    assertThat(dir.resolve("Stale.java")).doesNotExist();
  }

  @Test
  void thePluginGuideSpellsOutAWholePluginProject() {
    assertThat(DocProject.read(DOCS.resolve("plugins.md")).files()).extracting(DocFile::path).containsExactly(
        "pom.xml", "src/main/java/com/example/owner/OwnerTagResolver.java",
        "src/main/java/com/example/owner/OwnerTagPlugin.java", "src/assembly/plugin.xml",
        "src/main/plugin/plugin.properties");
  }

  @Test
  void theEmbeddingGuideSpellsOutAWholeHostProjectWithATestThatRunsIt() {
    List<String> paths = DocProject.read(DOCS.resolve("embedding.md")).files().stream().map(DocFile::path).toList();
    assertThat(paths).containsExactly("pom.xml", "src/main/resources/fnord.yml",
        "src/main/java/com/example/host/Host.java", "src/test/java/com/example/host/HostTest.java");
  }
}
