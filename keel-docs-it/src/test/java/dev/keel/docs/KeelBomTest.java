package dev.keel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * keel-bom manages exactly what the reactor publishes: every module that is deployed (no
 * {@code maven.deploy.skip} in it or the aggregator above it) and is not a pom, as a jar, and as a plugin zip
 * when the module assembles one. A new module, or a module that starts building a zip, fails here until the BOM
 * has it.
 */
class KeelBomTest {

  private static final Path ROOT = Path.of(System.getProperty("keel.root", ".."));

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name, String otherwise) {
    return children(parent, name).stream().map(Node::getTextContent).map(String::strip).findFirst()
        .orElse(otherwise);
  }

  private static boolean skipsDeploy(Element project) {
    return children(project, "properties").stream().flatMap(p -> children(p, "maven.deploy.skip").stream())
        .anyMatch(e -> e.getTextContent().strip().equals("true"));
  }

  /** The coordinates the reactor publishes, as artifactId or artifactId:plugin:zip. */
  private static void published(Path dir, boolean skippedAbove, Set<String> into) throws Exception {
    Element project = parse(dir.resolve("pom.xml")).getDocumentElement();
    boolean skipped = skippedAbove || skipsDeploy(project);
    String artifactId = text(project, "artifactId", "");
    if (!skipped && !text(project, "packaging", "jar").equals("pom")) {
      into.add(artifactId);
      if (Files.exists(dir.resolve("src/assembly/plugin.xml"))) {
        into.add(artifactId + ":plugin:zip");
      }
    }
    for (Element modules : children(project, "modules")) {
      for (Element module : children(modules, "module")) {
        published(dir.resolve(module.getTextContent().strip()), skipped, into);
      }
    }
  }

  private static Set<String> managed() throws Exception {
    Element project = parse(ROOT.resolve("keel-bom/pom.xml")).getDocumentElement();
    Set<String> managed = new TreeSet<>();
    for (Element management : children(project, "dependencyManagement")) {
      for (Element dependencies : children(management, "dependencies")) {
        for (Element dependency : children(dependencies, "dependency")) {
          assertThat(text(dependency, "groupId", "")).isEqualTo("dev.keel");
          assertThat(text(dependency, "version", "")).isEqualTo("${keel.version}");
          String classifier = text(dependency, "classifier", "");
          managed.add(text(dependency, "artifactId", "")
              + (classifier.isEmpty() ? "" : ":" + classifier + ":" + text(dependency, "type", "jar")));
        }
      }
    }
    return managed;
  }

  @Test
  void theBomManagesEveryPublishedJarAndPluginZipAndNothingElse() throws Exception {
    Set<String> published = new TreeSet<>();
    published(ROOT, false, published);

    assertThat(managed()).containsExactlyInAnyOrderElementsOf(published)
        .contains("keel-engine", "keel-handlers-ec2:plugin:zip");
  }

  @Test
  void theBomHasTheReactorsVersionAndNoParentWhoseVersionsItWouldImport() throws Exception {
    Element bom = parse(ROOT.resolve("keel-bom/pom.xml")).getDocumentElement();
    Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();

    assertThat(children(bom, "parent")).isEmpty();
    assertThat(text(bom, "version", "")).isEqualTo(text(parent, "version", "?"));
  }
}
