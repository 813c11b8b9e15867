package dev.keel.engine.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Valid delivery configs for property tests, with and without templates, drawn from a seed and a pool of texts
 * (the texts carry the awkward strings: YAML keywords, numbers as strings, quotes, {@code ${...}}, line breaks).
 * The kinds are those of {@link TemplateKinds#reader()}.
 */
final class GeneratedConfigs {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Decimals whose rendering reads back as the same BigDecimal. */
  private static final List<BigDecimal> DECIMALS = List.of(new BigDecimal("1.5"), new BigDecimal("-0.25"),
      new BigDecimal("12345678901234567890.5"), new BigDecimal("0.000001"));
  /**
   * Decimals also written in exponent form: a whole one ({@code 1E+3}) is rendered {@code 1000.0}, the same number
   * at another scale.
   */
  private static final List<BigDecimal> ANY_DECIMALS = List.of(new BigDecimal("1.5"), new BigDecimal("1E+3"),
      new BigDecimal("-2.5E-7"), new BigDecimal("12345678901234567890.5"), new BigDecimal("0.000001"));

  private final Random random;
  private final List<String> texts;
  private final List<BigDecimal> decimals;

  private GeneratedConfigs(long seed, List<String> texts, List<BigDecimal> decimals) {
    this.random = new Random(seed);
    this.texts = texts.isEmpty() ? List.of("x") : texts;
    this.decimals = decimals;
  }

  /** A config written plainly: no templates, no like. */
  static ObjectNode plain(long seed, List<String> texts) {
    return new GeneratedConfigs(seed, texts, ANY_DECIMALS).plainConfig();
  }

  /** A config with templates, instantiations, environments like others, changes and overrides. */
  static ObjectNode templated(long seed, List<String> texts) {
    return new GeneratedConfigs(seed, texts, DECIMALS).templatedConfig();
  }

  private String text() {
    return texts.get(random.nextInt(texts.size()));
  }

  private ObjectNode header() {
    ObjectNode root = NODES.objectNode();
    root.put("application", "fnord");
    if (random.nextBoolean()) {
      root.put("serviceAccount", text());
    }
    if (random.nextBoolean()) {
      root.putArray("artifacts").addObject().put("type", "deb").put("name", "fnord");
    }
    return root;
  }

  private ObjectNode environment(ArrayNode envs, int i) {
    ObjectNode env = envs.addObject();
    env.put("name", "env" + i);
    ObjectNode locations = env.putObject("locations");
    locations.put("account", "account" + i);
    ArrayNode regions = locations.putArray("regions");
    if (random.nextBoolean()) {
      regions.addObject().put("name", "us-east-1"); // not the short form 'us-east-1', which Jackson 2.13 cannot bind
    } else {
      regions.addObject().put("name", "us-west-2").putArray("availabilityZones").add("us-west-2a");
    }
    return env;
  }

  private ObjectNode plainConfig() {
    ObjectNode root = header();
    ArrayNode envs = root.putArray("environments");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      ArrayNode resources = environment(envs, i).putArray("resources");
      int k = random.nextInt(4);
      for (int j = 0; j < k; j++) {
        resources.add(plainResource("r" + j));
      }
    }
    return root;
  }

  private ObjectNode plainResource(String stack) {
    ObjectNode r = NODES.objectNode();
    switch (random.nextInt(3)) {
      case 0 -> {
        r.put("kind", "ec2/security-group@v1");
        ObjectNode spec = r.putObject("spec");
        moniker(spec, stack);
        spec.put("description", text());
        ObjectNode rule = spec.putArray("inboundRules").addObject();
        rule.put("protocol", "tcp");
        rule.putObject("portRange").put("startPort", random.nextInt(65536)).put("endPort", random.nextLong());
      }
      case 1 -> {
        r.put("kind", "ec2/cluster@v1.1");
        ObjectNode spec = r.putObject("spec");
        moniker(spec, stack);
        spec.putObject("capacity").put("min", decimals.get(random.nextInt(decimals.size())))
            .put("max", random.nextInt(100)).put("desired", random.nextBoolean());
        spec.putObject("launchConfiguration").put(text(), text());
      }
      default -> {
        r.put("kind", TemplateKinds.KIND);
        ObjectNode spec = r.putObject("spec");
        moniker(spec, stack);
        spec.put("image", text());
        ObjectNode env = spec.putObject("env");
        for (int i = random.nextInt(3); i > 0; i--) {
          env.put(text(), text());
        }
        ArrayNode tags = spec.putArray("tags");
        for (int i = random.nextInt(3); i > 0; i--) {
          tags.add(text());
        }
        spec.put("canary", random.nextBoolean());
      }
    }
    return r;
  }

  private static void moniker(ObjectNode spec, String stack) {
    spec.putObject("moniker").put("app", "fnord").put("stack", stack);
  }

  private ObjectNode templatedConfig() {
    ObjectNode root = header();
    ObjectNode templates = root.putObject("templates");
    ObjectNode sg = templates.putObject("sg");
    sg.put("kind", "ec2/security-group@v1");
    sg.putObject("parameters").put("stack", "string").putObject("desc").put("type", "string").put("default", text());
    ObjectNode sgSpec = sg.putObject("spec");
    sgSpec.putObject("moniker").put("app", "${application}").put("stack", "${stack}");
    sgSpec.put("description", random.nextBoolean() ? "${desc}"
        : "${desc} in ${environment.name} " + text().replace("${", "$${"));
    ObjectNode svc = templates.putObject("svc");
    svc.put("kind", TemplateKinds.KIND);
    ObjectNode parameters = svc.putObject("parameters");
    parameters.put("stack", "string");
    parameters.putObject("size").put("type", "int").put("default", 1);
    parameters.putObject("env").put("type", "map").putObject("default");
    parameters.putObject("tags").put("type", "list").putArray("default").add(text());
    ObjectNode svcSpec = svc.putObject("spec");
    svcSpec.putObject("moniker").put("app", "fnord").put("stack", "${stack}");
    svcSpec.putObject("capacity").put("min", "${size}").put("max", "${size}");
    svcSpec.put("env", "${env}").put("tags", "${tags}").put("image", "img-${environment.account}");
    ObjectNode cluster = templates.putObject("cluster");
    cluster.put("kind", "ec2/cluster@v1.1");
    cluster.putObject("parameters").put("stack", "string").put("n", "number");
    ObjectNode clusterSpec = cluster.putObject("spec");
    clusterSpec.putObject("moniker").put("app", "fnord").put("stack", "${stack}");
    clusterSpec.putObject("launchConfiguration").put("key_${stack}", "${n}").put("literal", text().replace("${", "$${"));

    ArrayNode envs = root.putArray("environments");
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      ObjectNode env = environment(envs, i);
      boolean like = i > 0 && random.nextInt(3) > 0;
      if (like) {
        env.put("like", "env" + (i - 1));
        ObjectNode changes = env.putObject("changes");
        if (random.nextBoolean()) {
          changes.putObject("a").putObject("with").put("desc", text());
        }
        if (random.nextBoolean()) {
          ObjectNode b = changes.putObject("b");
          b.putObject("with").put("size", random.nextInt(9));
          b.putObject("overrides").put("canary", random.nextBoolean()).putObject("env").put(text(), text());
        }
      }
      ArrayNode resources = env.putArray("resources");
      if (!like) {
        ObjectNode a = resources.addObject().put("template", "sg").put("name", "a");
        a.putObject("with").put("stack", "a" + i);
        ObjectNode b = resources.addObject().put("template", "svc").put("name", "b");
        ObjectNode with = b.putObject("with").put("stack", "b" + i).put("size", random.nextInt(5));
        with.putObject("env").put(text(), text());
        with.putArray("tags").add(text()).add(text());
        if (random.nextBoolean()) {
          b.putObject("overrides").putArray("listeners").addObject().put("port", 80).put("protocol", text());
        }
      }
      ObjectNode c = resources.addObject().put("template", "cluster").put("name", "c" + i);
      c.putObject("with").put("stack", "c" + i).put("n", decimals.get(random.nextInt(decimals.size())));
      if (random.nextBoolean()) {
        resources.add(plainResource("p" + i).put("name", "p" + i));
      }
    }
    return root;
  }
}
