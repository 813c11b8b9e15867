package dev.keel.spinnaker.ec2;

import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spi.model.Moniker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages of EC2's own operations (keel-cloud-handlers.md §2.4, §2.5 and the bakery): security groups, classic
 * and application load balancers, their deletion, and bakes.
 *
 * @param ids the name-to-id lookups
 */
record Ec2ResourceStages(Ec2Ids ids) {

  Map<String, Object> stage(Ec2Operation op) {
    if (op instanceof Ec2Operation.UpsertSecurityGroup u) {
      return securityGroup(u.securityGroup(), u.create());
    }
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", op.type());
    if (op instanceof Ec2Operation.DeleteSecurityGroup d) {
      stage.put("securityGroupName", d.name());
      stage.put("regions", List.of(d.region()));
      stage.put("credentials", d.account());
      stage.put("vpcId", ids.vpcId(d.account(), d.region(), d.vpc()));
      stage.put("cloudProvider", Ec2Stages.AWS);
      return stage;
    }
    if (op instanceof Ec2Operation.UpsertClassicLoadBalancer u) {
      return classic(u.loadBalancer());
    }
    if (op instanceof Ec2Operation.UpsertApplicationLoadBalancer u) {
      return application(u.loadBalancer());
    }
    if (op instanceof Ec2Operation.DeleteLoadBalancer d) {
      stage.put("loadBalancerName", d.name());
      stage.put("regions", List.of(d.region()));
      stage.put("credentials", d.account());
      stage.put("cloudProvider", Ec2Stages.AWS);
      return stage;
    }
    Ec2Operation.Bake b = (Ec2Operation.Bake) op;
    String version = b.appVersion().startsWith(b.packageName() + "-")
        ? b.appVersion().substring(b.packageName().length() + 1) : b.appVersion();
    stage.put("amiSuffix", "");
    stage.put("baseOs", b.baseOs());
    stage.put("baseLabel", b.baseLabel());
    stage.put("cloudProviderType", Ec2Stages.AWS);
    stage.put("package", b.packageName() + "_" + version + "_all.deb");
    stage.put("regions", b.regions());
    stage.put("storeType", b.storeType());
    stage.put("vmType", "hvm");
    return stage;
  }

  /**
   * The trigger artifact of a bake: the Debian package baked.
   *
   * @param b the bake
   * @return {@code {type: DEB, name, version, reference}}
   */
  static Map<String, Object> bakeArtifact(Ec2Operation.Bake b) {
    String version = b.appVersion().startsWith(b.packageName() + "-")
        ? b.appVersion().substring(b.packageName().length() + 1) : b.appVersion();
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("type", "DEB");
    artifact.put("name", b.packageName());
    artifact.put("version", version);
    artifact.put("reference", b.packageName() + "_" + version + "_all.deb");
    return artifact;
  }

  private Map<String, Object> securityGroup(SecurityGroup sg, boolean create) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", "upsertSecurityGroup");
    stage.put("application", Moniker.parse(sg.name()).app());
    stage.put("credentials", sg.account());
    stage.put("accountName", sg.account());
    stage.put("cloudProvider", Ec2Stages.AWS);
    stage.put("name", sg.name());
    stage.put("regions", List.of(sg.region()));
    String vpcId = ids.vpcId(sg.account(), sg.region(), sg.vpc());
    stage.put("vpcId", vpcId);
    stage.put("description", sg.description());
    List<Map<String, Object>> refs = new ArrayList<>();
    List<Map<String, Object>> cidrs = new ArrayList<>();
    List<Map<String, Object>> prefixLists = new ArrayList<>();
    List<SecurityGroupRule> rules = sg.inboundRules().stream().sorted(Comparator.comparing(Object::toString)).toList();
    for (SecurityGroupRule rule : rules) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("type", Ec2Reads.orcaProtocol(rule.protocol()));
      r.put("startPort", rule.portRange().startPort());
      r.put("endPort", rule.portRange().endPort());
      switch (rule.type(sg.account())) {
        case CIDR -> {
          r.put("cidr", rule.blockRange());
          cidrs.add(r);
        }
        case PREFIX_LIST -> {
          r.put("prefixListId", rule.prefixListId());
          prefixLists.add(r);
        }
        case CROSS_ACCOUNT -> {
          r.put("name", rule.name());
          r.put("accountName", rule.account());
          r.put("crossAccountEnabled", true);
          r.put("vpcId", ids.vpcId(rule.account(), sg.region(), rule.vpc() == null ? sg.vpc() : rule.vpc()));
          refs.add(r);
        }
        default -> {
          if (!(create && sg.name().equals(rule.name()))) {
            r.put("name", rule.name());
            refs.add(r);
          }
        }
      }
    }
    stage.put("securityGroupIngress", refs);
    stage.put("ipIngress", cidrs);
    if (create) {
      stage.put("prefixListIngress", prefixLists);
    }
    return stage;
  }

  private Map<String, Object> loadBalancerBase(String name, dev.keel.ec2.api.model.Location l, boolean internal,
      java.time.Duration idle, java.util.Set<String> groups, String type) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", "upsertLoadBalancer");
    stage.put("application", Moniker.parse(name).app());
    stage.put("credentials", l.account());
    stage.put("cloudProvider", Ec2Stages.AWS);
    stage.put("name", name);
    stage.put("region", l.region());
    stage.put("availabilityZones", Map.of(l.region(), List.copyOf(l.availabilityZones())));
    stage.put("loadBalancerType", type);
    stage.put("vpcId", ids.vpcId(l.account(), l.region(), l.vpc()));
    stage.put("subnetType", l.subnet());
    stage.put("isInternal", internal);
    stage.put("idleTimeout", idle.toSeconds());
    stage.put("securityGroups", groups.stream().sorted().toList());
    return stage;
  }

  private Map<String, Object> classic(ClassicLoadBalancer lb) {
    Map<String, Object> stage = loadBalancerBase(lb.name(), lb.location(), lb.internal(), lb.idleTimeout(),
        lb.securityGroupNames(), "classic");
    var h = lb.healthCheck();
    stage.put("healthCheck", h.target());
    stage.put("healthInterval", h.interval().toSeconds());
    stage.put("healthyThreshold", h.healthyThreshold());
    stage.put("unhealthyThreshold", h.unhealthyThreshold());
    stage.put("healthTimeout", h.timeout().toSeconds());
    List<Map<String, Object>> listeners = new ArrayList<>();
    lb.listeners().stream().sorted(Comparator.comparingInt(l -> l.externalPort())).forEach(l -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("internalProtocol", l.internalProtocol());
      m.put("internalPort", l.internalPort());
      m.put("externalProtocol", l.externalProtocol());
      m.put("externalPort", l.externalPort());
      m.put("sslCertificateId", l.sslCertificateId());
      listeners.add(m);
    });
    stage.put("listeners", listeners);
    return stage;
  }

  private Map<String, Object> application(ApplicationLoadBalancer lb) {
    Map<String, Object> stage = loadBalancerBase(lb.name(), lb.location(), lb.internal(), lb.idleTimeout(),
        lb.securityGroupNames(), "application");
    List<Map<String, Object>> listeners = new ArrayList<>();
    lb.listeners().stream().sorted(Comparator.comparingInt(ApplicationLoadBalancerSpec.Listener::port)).forEach(l -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("port", l.port());
      m.put("protocol", l.protocol());
      List<Map<String, Object>> rules = new ArrayList<>();
      l.rules().stream().sorted(Comparator.comparing(ApplicationLoadBalancerSpec.Rule::priority)).forEach(r -> {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("priority", r.priority());
        rule.put("conditions", r.conditions().stream().map(c -> Map.<String, Object>of("field", c.field(),
            "values", c.values())).toList());
        rule.put("default", r.isDefault());
        rule.put("actions", actions(r.actions()));
        rules.add(rule);
      });
      m.put("rules", rules);
      m.put("defaultActions", actions(l.defaultActions()));
      m.put("certificates", l.certificate() == null ? List.of()
          : List.of(Map.of("certificateArn", ids.certificateArn(lb.location().account(), l.certificate()))));
      listeners.add(m);
    });
    stage.put("listeners", listeners);
    List<Map<String, Object>> groups = new ArrayList<>();
    lb.targetGroups().stream().sorted(Comparator.comparing(ApplicationLoadBalancerSpec.TargetGroup::name))
        .forEach(t -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", t.name());
          m.put("targetType", t.targetType());
          m.put("protocol", t.protocol());
          m.put("port", t.port());
          m.put("healthCheckEnabled", t.healthCheckEnabled());
          m.put("healthCheckTimeout", t.healthCheckTimeout().toSeconds());
          m.put("healthCheckPort", t.healthCheckPort());
          m.put("healthCheckProtocol", t.healthCheckProtocol());
          m.put("healthCheckHttpCode", t.healthCheckHttpCode());
          m.put("healthCheckPath", t.healthCheckPath());
          m.put("healthCheckInterval", t.healthCheckInterval().toSeconds());
          m.put("healthyThreshold", t.healthyThresholdCount());
          m.put("unhealthyThreshold", t.unhealthyThresholdCount());
          var a = t.attributes();
          Map<String, Object> attributes = new LinkedHashMap<>();
          attributes.put("stickinessEnabled", a.stickinessEnabled());
          attributes.put("deregistrationDelay", a.deregistrationDelay());
          attributes.put("stickinessType", a.stickinessType());
          attributes.put("stickinessDuration", a.stickinessDuration());
          attributes.put("slowStartDurationSeconds", a.slowStartDurationSeconds());
          attributes.putAll(new java.util.TreeMap<>(a.properties()));
          m.put("attributes", attributes);
          groups.add(m);
        });
    stage.put("targetGroups", groups);
    return stage;
  }

  private static List<Map<String, Object>> actions(List<ApplicationLoadBalancerSpec.Action> actions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var a : actions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", a.type());
      m.put("order", a.order());
      if (a.targetGroupName() != null) {
        m.put("targetGroupName", a.targetGroupName());
      }
      if (a.redirectConfig() != null) {
        var r = a.redirectConfig();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("protocol", r.protocol());
        c.put("host", r.host());
        c.put("port", r.port());
        c.put("path", r.path());
        c.put("query", r.query());
        c.put("statusCode", r.statusCode());
        m.put("redirectActionConfig", c);
      }
      if (a.authenticateOidcConfig() != null) {
        var o = a.authenticateOidcConfig();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issuer", o.issuer());
        c.put("authorizationEndpoint", o.authorizationEndpoint());
        c.put("tokenEndpoint", o.tokenEndpoint());
        c.put("userInfoEndpoint", o.userInfoEndpoint());
        c.put("clientId", o.clientId());
        c.put("sessionCookieName", o.sessionCookieName());
        c.put("scope", o.scope());
        c.put("sessionTimeout", o.sessionTimeout().toSeconds());
        c.put("authenticationRequestExtraParams", o.authenticationRequestExtraParams());
        m.put("authenticateOidcActionConfig", c);
      }
      out.add(m);
    }
    return out;
  }
}
