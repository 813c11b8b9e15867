package dev.keel.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.diff.Sensitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder's options and the shapes of model the differ walks. */
class DifferOptionsTest {

  private final Differ plain = Differ.builder().objectMapper(ClusterModel.MAPPER).build();

  record Rule(String protocol, int port, String cidr, String description) {}

  record Group(String name, List<Rule> rules) {}

  record Tagged(String id, Set<Rule> rules) {}

  @Test
  void aPathGlobIgnoresAPropertyInsideEveryCollectionElement() {
    Differ differ = Differ.builder().ignore("/rules/*/description").build();
    Tagged d = new Tagged("a", Set.of(new Rule("tcp", 80, "10.0.0.0/8", "web")));
    Tagged c = new Tagged("a", Set.of(new Rule("tcp", 80, "10.0.0.0/8", "changed by hand")));
    assertThat(differ.diff(d, c).hasChanges()).isFalse();
    assertThat(plain.diff(d, c).changes()).extracting(Change::op).containsExactlyInAnyOrder(ChangeOp.ADD, ChangeOp.REMOVE);
  }

  @Test
  void ignoredPropertiesOfATypeAreIgnoredWherever() {
    Differ differ = Differ.builder().ignoreProperties(Rule.class, "description").build();
    assertThat(differ.diff(new Rule("tcp", 80, "x", "a"), new Rule("tcp", 80, "x", "b")).hasChanges()).isFalse();
  }

  @Test
  void unknownPropertiesInTypeOptionsFailTheBuild() {
    assertThatThrownBy(() -> Differ.builder().keyed(Rule.class, "nope").build())
        .isInstanceOf(DiffConfigurationException.class).hasMessageContaining("'nope'").hasMessageContaining("protocol");
    assertThatThrownBy(() -> Differ.builder().ignore("no-slash").build())
        .isInstanceOf(DiffConfigurationException.class).hasMessageContaining("no-slash");
  }

  @Test
  void aKeyedListConfiguredByTypeReportsChangesUnderCompoundSelectors() {
    Differ differ = Differ.builder().keyed(Rule.class, "protocol", "port").build();
    Group d = new Group("g", List.of(new Rule("tcp", 80, "10/8", "x"), new Rule("tcp", 443, "10/8", "y")));
    Group c = new Group("g", List.of(new Rule("tcp", 443, "0/0", "y"), new Rule("tcp", 80, "10/8", "x")));
    assertThat(differ.diff(d, c).changes()).extracting(Change::path)
        .containsExactly("/rules/[protocol=tcp,port=443]/cidr");
  }

  @Test
  void emptyKeyedCollectionsConfiguredByPathAreEqual() {
    Differ differ = Differ.builder().keyed("/rules", "protocol").build();
    assertThat(differ.diff(new Group("g", List.of()), new Group("g", new ArrayList<>())).hasChanges()).isFalse();
  }

  @Test
  void aKeyedCollectionWithADuplicateKeyIsATypedError() {
    Differ differ = Differ.builder().keyed("/rules", "protocol").build();
    Group d = new Group("g", List.of(new Rule("tcp", 80, "a", "x"), new Rule("tcp", 443, "b", "y")));
    assertThatThrownBy(() -> differ.diff(d, new Group("g", List.of())))
        .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
          assertThat(e.path()).isEqualTo("/rules");
          assertThat(e.side()).isEqualTo("desired");
          assertThat(e.key()).isEqualTo("[protocol=tcp]");
        });
  }

  @Test
  void collectionSemanticsCanBeSetPerPath() {
    Group d = new Group("g", List.of(new Rule("tcp", 80, "a", "x"), new Rule("udp", 53, "b", "y")));
    Group c = new Group("g", List.of(new Rule("udp", 53, "b", "y"), new Rule("tcp", 80, "a", "x")));
    assertThat(plain.diff(d, c).changes()).extracting(Change::path, Change::op)
        .containsExactly(tuple("/rules", ChangeOp.REPLACE));
    assertThat(Differ.builder().collection(CollectionSemantics.SET, "/rules").build().diff(d, c).hasChanges()).isFalse();
    assertThat(Differ.builder().collection(CollectionSemantics.ORDERED, "/rules").build().diff(d, c).changes())
        .extracting(Change::path).contains("/rules/0/port", "/rules/1/port");
  }

  @Test
  void comparatorsApplyByPathAndByType() {
    Rule d = new Rule("TCP", 80, "10.0.0.0/8", "x");
    Rule c = new Rule("tcp", 80, "10.0.0.0/08", "x");
    assertThat(plain.diff(d, c).changes()).extracting(Change::path).containsExactly("/cidr", "/protocol");
    Differ differ = Differ.builder().caseInsensitive("/protocol")
        .compare(ValueComparator.canonicalizing(v -> String.valueOf(v).replace("/08", "/8")), "/cidr").build();
    assertThat(differ.diff(d, c).hasChanges()).isFalse();
    Differ byType = Differ.builder().compare(String.class, ValueComparator.caseInsensitive()).build();
    assertThat(byType.diff(d, new Rule("tcp", 80, "10.0.0.0/8", "X")).hasChanges()).isFalse();
  }

  @Test
  void desiredSubsetIgnoresWhatOnlyCurrentHas() {
    Differ differ = Differ.builder().desiredSubset("/labels").build();
    Map<String, Object> d = Map.of("labels", Map.of("app", "fnord"), "size", 1);
    Map<String, Object> c = Map.of("labels", Map.of("app", "fnord", "cloud", "added"), "size", 1, "extra", 2);
    assertThat(differ.diff(d, c).changes()).extracting(Change::path).containsExactly("/extra");
  }

  @Test
  void normalisersRunOnTheirSideOnly() {
    Differ differ = Differ.builder().normalizeCurrent(Rule.class,
        r -> new Rule(r.protocol(), r.port(), r.cidr().replace("/08", "/8"), r.description())).build();
    assertThat(differ.diff(new Rule("tcp", 1, "1/8", "x"), new Rule("tcp", 1, "1/08", "x")).hasChanges()).isFalse();
    assertThat(differ.diff(new Rule("tcp", 1, "1/08", "x"), new Rule("tcp", 1, "1/08", "x")).hasChanges()).isTrue();
  }

  record Lenient(String id, String note) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Lenient l && l.id.equals(id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  @Test
  void aHandWrittenEqualsIsNeverTrustedAsAShortcut() {
    assertThat(GeneratedEquals.isGenerated(Lenient.class)).isFalse();
    assertThat(GeneratedEquals.isGenerated(Rule.class)).isTrue();
    assertThat(plain.diff(List.of(new Lenient("a", "x")), List.of(new Lenient("a", "y"))).changes())
        .extracting(Change::path).containsExactly("/0/note");
    assertThat(plain.diff(Map.of("l", new Lenient("a", "x")), Map.of("l", new Lenient("a", "y"))).changes())
        .extracting(Change::path).containsExactly("/l/note");
  }

  /** A bean with a renamed property, an ignored one, a getter-only one and a secret. */
  public static final class Account {
    private final String name;
    private final String password;
    private final Optional<String> region;

    public Account(String name, String password, Optional<String> region) {
      this.name = name;
      this.password = password;
      this.region = region;
    }

    @JsonProperty("account-name")
    public String getName() {
      return name;
    }

    @Sensitive
    public String getPassword() {
      return password;
    }

    public Optional<String> getRegion() {
      return region;
    }

    @JsonIgnore
    public String getInternal() {
      return name + "!";
    }

    @DiffIgnore
    public int getChecksum() {
      return password.hashCode();
    }
  }

  @Test
  void beansAreWalkedByTheirJsonPropertiesAndSecretsAreMaskedEverywhere() {
    ResourceDiff<Account> diff = plain.diff(new Account("a", "hunter2", Optional.of("us-west-2")),
        new Account("b", "letmein", Optional.empty()));

    assertThat(diff.changes()).extracting(Change::path, Change::op).containsExactly(
        tuple("/account-name", ChangeOp.REPLACE), tuple("/password", ChangeOp.REPLACE), tuple("/region", ChangeOp.ADD));
    assertThat(diff.changes().get(1).sensitive()).isTrue();
    String everything = diff.render() + diff.toDeltaJson() + diff.toJsonPatch();
    assertThat(everything).doesNotContain("hunter2").doesNotContain("letmein").contains("****");
    ResourceDiff<Account> otherSecrets = plain.diff(new Account("a", "s1", Optional.of("us-west-2")),
        new Account("b", "s2", Optional.empty()));
    assertThat(otherSecrets.fingerprint()).isNotEqualTo(diff.fingerprint()); // a salted digest of each secret
  }

  @Test
  void aSecretInsideAnAddedValueIsMasked() {
    Map<String, Account> d = Map.of("x", new Account("a", "hunter2", Optional.empty()));
    ResourceDiff<Map<String, Account>> diff = plain.diff(d, Map.of());
    assertThat(diff.changes()).extracting(Change::path, Change::op).containsExactly(tuple("/x", ChangeOp.ADD));
    assertThat(diff.render() + diff.toDeltaJson() + diff.toJsonPatch()).doesNotContain("hunter2");
  }

  record Vault(@Sensitive Set<String> tokens, @Sensitive List<Rule> rules) {}

  @Test
  void elementsOfASensitiveCollectionHaveMaskedSelectors() {
    Differ differ = Differ.builder().keyed(Rule.class, "cidr").build();
    Vault d = new Vault(Set.of("tok-1", "tok-2"), List.of(new Rule("tcp", 1, "secret-cidr", "x")));
    Vault c = new Vault(Set.of("tok-1", "tok-3"), List.of(new Rule("tcp", 2, "secret-cidr", "x")));
    ResourceDiff<Vault> diff = differ.diff(d, c);
    assertThat(diff.changes()).extracting(Change::path).containsExactly(
        "/rules/[****]/port", "/tokens/[****]", "/tokens/[****]");
    assertThat(diff.render() + diff.toDeltaJson() + diff.toJsonPatch() + diff.changes())
        .doesNotContain("tok-").doesNotContain("secret-cidr");
  }

  @Test
  void jsonTreesAndUntypedMapsCompareByValue() throws Exception {
    JsonNode tree = ClusterModel.MAPPER.readTree("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":null},\"e\":\"x\"}");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", List.of(1.0, 2));
    map.put("e", "x");
    assertThat(plain.diff(tree, ClusterModel.MAPPER.readTree("{\"e\":\"x\",\"b\":[1,2.0],\"a\":1.0}")).hasChanges())
        .isFalse();
    assertThat(plain.diff((Object) tree, (Object) map).hasChanges()).isFalse();
    assertThat(plain.diff(tree, ClusterModel.MAPPER.readTree("{\"a\":1,\"b\":[2,1],\"e\":\"x\"}")).changes())
        .extracting(Change::path).containsExactly("/b/0", "/b/1");
  }

  @Test
  void arraysAndOptionalsAreWalkedAsTheirContents() {
    assertThat(plain.diff(new int[] {1, 2}, new int[] {1, 3}).changes()).extracting(Change::path).containsExactly("/1");
    assertThat(plain.diff(Map.of("o", Optional.empty()), Map.of()).hasChanges()).isFalse();
    assertThat(plain.diff(Map.of("o", Optional.of(List.of())), Map.of()).hasChanges()).isFalse();
  }

  @Test
  void nullEqualsEmptyCanBeSwitchedOff() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("l", List.of());
    assertThat(plain.diff(d, Map.of()).hasChanges()).isFalse();
    assertThat(Differ.builder().nullEqualsEmpty(false).build().diff(d, Map.of()).changes())
        .extracting(Change::path, Change::op).containsExactly(tuple("/l", ChangeOp.ADD));
  }

  /** A cyclic graph, which a resource model must never be. */
  public static final class Node {
    public Node next;
    public String id = "n";
  }

  @Test
  void aCyclicGraphIsATypedErrorNotAStackOverflow() {
    Node a = new Node();
    a.next = a;
    Node b = new Node();
    b.next = b;
    assertThatThrownBy(() -> Differ.builder().maxDepth(50).build().diff(a, b))
        .isInstanceOf(DiffModelException.class).hasMessageContaining("cyclic");
  }

  @Test
  void theJsonPatchResolvesKeyedSelectorsToCurrentIndices() {
    Differ differ = Differ.builder().keyed(Rule.class, "port").build();
    Group d = new Group("g", List.of(new Rule("tcp", 80, "a", "x"), new Rule("tcp", 8080, "c", "z")));
    Group c = new Group("g", new ArrayList<>(List.of(new Rule("tcp", 22, "q", "q"), new Rule("tcp", 443, "b", "y"),
        new Rule("tcp", 80, "old", "x"))));
    List<Map<String, Object>> patch = differ.diff(d, c).toJsonPatch();
    assertThat(patch).extracting(m -> m.get("op") + " " + m.get("path")).containsExactly(
        "replace /rules/2/cidr", "add /rules/-", "remove /rules/1", "remove /rules/0");
    JsonNode applied = TreeOracle.apply(ClusterModel.MAPPER.valueToTree(c), patch);
    assertThat(differ.diff(d, ClusterModel.MAPPER.convertValue(applied, Group.class)).hasChanges()).isFalse();
  }

  @Test
  void theFingerprintIsAFixedFunctionOfTheChanges() {
    Map<String, Object> d = new java.util.HashMap<>(Map.of("b", Set.of("x", "y", "z"), "a", 1));
    Map<String, Object> c = new java.util.TreeMap<>(Map.of("b", Set.of("z", "y"), "a", 2L));
    ResourceDiff<Map<String, Object>> diff = plain.diff(d, c);
    assertThat(diff.render()).isEqualTo("REPLACE /a: 2 -> 1\nADD /b/[x] = \"x\"\n");
    // A constant: SHA-256 of "REPLACE /a 1 2\nADD /b/[x] \"x\" null\n", whatever the hash orders, JVM or run.
    assertThat(diff.fingerprint()).isEqualTo("8779170a2ee8faf5bee0765a24280889852f3cd6fee304aa649ba44d8a3a6eab");
  }
}
