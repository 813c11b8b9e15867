package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.store.KeelStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packages of keel-engine depend one way (event ← store ← internal check ← internal promotion ← the façade): jdeps
 * reads the compiled classes and no two packages may reach each other, and of the API packages only the façade's,
 * {@code dev.keel.engine}, reaches into {@code dev.keel.engine.internal}.
 *
 * <p>The classes are those of {@link KeelStore}'s code source ({@code target/classes} in this module, the
 * engine jar where keel-host-compat runs these tests again); the system property {@code keel.engineClasses}
 * names another directory or jar.
 */
class PackageDependenciesTest {

  private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.keel\\.engine[\\w.]*)\\s+->\\s+(dev\\.keel\\.engine[\\w.]*)\\s");

  @Test
  void noTwoPackagesOfKeelEngineDependOnEachOther() throws Exception {
    SortedMap<String, SortedSet<String>> graph = packageGraph(engineClasses());

    assertThat(graph).as("jdeps found keel-engine's packages").containsKeys("dev.keel.engine.store");
    List<String> cycles = cycles(graph).stream().map(c -> describe(c, graph)).collect(Collectors.toList());
    assertThat(cycles).as("packages of keel-engine that depend on each other").isEmpty();
  }

  @Test
  void onlyTheFacadeDependsOnInternalPackages() throws Exception {
    SortedMap<String, SortedSet<String>> graph = packageGraph(engineClasses());

    assertThat(graph).as("jdeps found keel-engine's internal packages").containsKeys("dev.keel.engine.internal.check");
    List<String> edges = graph.entrySet().stream()
        .filter(e -> !e.getKey().equals("dev.keel.engine") && !internal(e.getKey()))
        .flatMap(e -> e.getValue().stream().filter(PackageDependenciesTest::internal).map(to -> e.getKey() + " -> " + to))
        .collect(Collectors.toList());
    assertThat(edges).as("API packages other than dev.keel.engine that depend on internal packages").isEmpty();
  }

  private static boolean internal(String pkg) {
    return pkg.equals("dev.keel.engine.internal") || pkg.startsWith("dev.keel.engine.internal.");
  }

  @Test
  void aCycleIsFoundWithItsEdges() {
    SortedMap<String, SortedSet<String>> graph = new TreeMap<>(Map.of(
        "a", new TreeSet<>(Set.of("b")), "b", new TreeSet<>(Set.of("c")), "c", new TreeSet<>(Set.of("a", "d")),
        "d", new TreeSet<>(), "e", new TreeSet<>(Set.of("d"))));

    List<SortedSet<String>> cycles = cycles(graph);

    assertThat(cycles).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    assertThat(describe(cycles.get(0), graph)).isEqualTo("[a, b, c]: a -> b, b -> c, c -> a");
  }

  private static Path engineClasses() throws URISyntaxException {
    String configured = System.getProperty("keel.engineClasses");
    Path classes = configured != null ? Path.of(configured)
        : Path.of(KeelStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(Files.exists(classes)).as("keel-engine's classes at %s", classes).isTrue();
    return classes;
  }

  /** Each package of keel-engine and the packages of keel-engine it depends on, as jdeps reports them. */
  private static SortedMap<String, SortedSet<String>> packageGraph(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "-verbose:package", "-e", "dev\\.keel\\.engine.*", classes.toString());
    assertThat(exit).as("jdeps exit code; it said: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    SortedMap<String, SortedSet<String>> graph = new TreeMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find()) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
        graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
        if (!m.group(1).equals(m.group(2))) {
          graph.get(m.group(1)).add(m.group(2));
        }
      }
    }
    return graph;
  }

  /** The strongly connected components of more than one package (Tarjan's algorithm), in package order. */
  static List<SortedSet<String>> cycles(SortedMap<String, SortedSet<String>> graph) {
    Tarjan tarjan = new Tarjan(graph);
    graph.keySet().forEach(p -> {
      if (!tarjan.index.containsKey(p)) {
        tarjan.visit(p);
      }
    });
    tarjan.components.sort((a, b) -> a.first().compareTo(b.first()));
    return tarjan.components;
  }

  /** A cycle's packages and the edges among them, for the failure message. */
  static String describe(SortedSet<String> cycle, SortedMap<String, SortedSet<String>> graph) {
    String edges = cycle.stream()
        .flatMap(from -> graph.get(from).stream().filter(cycle::contains).map(to -> from + " -> " + to))
        .collect(Collectors.joining(", "));
    return cycle + ": " + edges;
  }

  private static final class Tarjan {
    final SortedMap<String, SortedSet<String>> graph;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> lowLink = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<String> onStack = new TreeSet<>();
    final List<SortedSet<String>> components = new ArrayList<>();

    Tarjan(SortedMap<String, SortedSet<String>> graph) {
      this.graph = graph;
    }

    // Recursion is fine: keel-engine has a few dozen packages.
    void visit(String p) {
      index.put(p, index.size());
      lowLink.put(p, index.get(p));
      stack.push(p);
      onStack.add(p);
      for (String q : graph.getOrDefault(p, new TreeSet<>())) {
        if (!index.containsKey(q)) {
          visit(q);
          lowLink.put(p, Math.min(lowLink.get(p), lowLink.get(q)));
        } else if (onStack.contains(q)) {
          lowLink.put(p, Math.min(lowLink.get(p), index.get(q)));
        }
      }
      if (lowLink.get(p).equals(index.get(p))) {
        SortedSet<String> component = new TreeSet<>();
        String q;
        do {
          q = stack.pop();
          onStack.remove(q);
          component.add(q);
        } while (!q.equals(p));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }
}
