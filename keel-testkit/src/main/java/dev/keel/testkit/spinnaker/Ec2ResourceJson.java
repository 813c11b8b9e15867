package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EC2 resources other than server groups as Clouddriver reports them: security groups (an
 * {@code AmazonSecurityGroup} with its rules grouped by target), classic and application load balancers (with
 * their target groups), named images, and the catalog (credentials, networks, subnets, certificates).
 */
final class Ec2ResourceJson {

  private static final String RULE = "com.netflix.spinnaker.clouddriver.model.securitygroups.SecurityGroupRule";
  private static final String IP_RULE = "com.netflix.spinnaker.clouddriver.model.securitygroups.IpRangeRule";
  private static final String SG_CLASS = "com.netflix.spinnaker.clouddriver.aws.model.AmazonSecurityGroup";

  private final Ec2ServerGroupJson groups;
  private final FakeIds ids;
  private final long createdTime;

  /**
   * Renders EC2 resources.
   *
   * @param created when load balancers and certificates say they were created (the simulated ones carry no
   *     time): when the fake started
   */
  Ec2ResourceJson(Ec2ServerGroupJson groups, FakeIds ids, Instant created) {
    this.groups = groups;
    this.ids = ids;
    this.createdTime = created.toEpochMilli();
  }

  // ---- security groups ----------------------------------------------------------------------------------

  /** A summary of a group, as a rule's target or the body of a group that only Titus knows. */
  ObjectNode securityGroupRef(String account, String region, String vpc, String name) {
    ObjectNode o = JsonView.object();
    String id = ids.securityGroupId(account, region, name);
    String vpcId = groups.vpcId(account, region, vpc);
    o.put("class", SG_CLASS);
    o.put("type", "aws");
    o.put("cloudProvider", "aws");
    o.put("id", id);
    o.put("name", name);
    o.put("vpcId", vpcId);
    o.put("accountName", account);
    o.put("accountId", groups.accountId(account));
    o.put("region", region);
    ObjectNode summary = o.putObject("summary");
    summary.put("name", name);
    summary.put("id", id);
    summary.put("vpcId", vpcId);
    summary.set("moniker", ClusterJson.moniker(name));
    o.set("moniker", ClusterJson.moniker(name));
    return o;
  }

  ObjectNode securityGroup(SecurityGroup g) {
    ObjectNode o = securityGroupRef(g.account(), g.region(), g.vpc(), g.name());
    o.remove("accountId");
    o.put("description", g.description() == null ? "" : g.description());
    Map<String, List<SecurityGroupRule>> byTarget = new TreeMap<>();
    for (SecurityGroupRule r : g.inboundRules()) {
      String target = r.type(g.account()) + "|" + r.protocol() + "|" + r.name() + "|" + r.account() + "|" + r.vpc()
          + "|" + r.blockRange() + "|" + r.prefixListId();
      byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
    }
    ArrayNode rules = o.putArray("inboundRules");
    byTarget.values().forEach(rs -> rules.add(rule(g, rs)));
    o.putArray("tags");
    return o;
  }

  private ObjectNode rule(SecurityGroup g, List<SecurityGroupRule> same) {
    SecurityGroupRule r = same.get(0);
    ObjectNode o = JsonView.object();
    switch (r.type(g.account())) {
      case CIDR -> {
        o.put("class", IP_RULE);
        String block = r.blockRange();
        int slash = block.indexOf('/');
        ObjectNode range = o.putObject("range");
        range.put("ip", slash < 0 ? block : block.substring(0, slash));
        range.put("cidr", slash < 0 ? "/32" : block.substring(slash));
      }
      case PREFIX_LIST -> {
        o.put("class", RULE);
        o.put("prefixListId", r.prefixListId());
      }
      case CROSS_ACCOUNT -> {
        o.put("class", RULE);
        o.set("securityGroup", securityGroupRef(r.account(), g.region(), r.vpc() == null ? g.vpc() : r.vpc(),
            r.name()));
      }
      default -> {
        o.put("class", RULE);
        o.set("securityGroup", securityGroupRef(g.account(), g.region(), g.vpc(), r.name()));
      }
    }
    boolean all = r.protocol().equals("ALL");
    o.put("protocol", all ? "-1" : r.protocol().toLowerCase(Locale.ROOT));
    ArrayNode ports = o.putArray("portRanges");
    same.stream().map(SecurityGroupRule::portRange).distinct()
        .sorted(Comparator.comparingInt(PortRange::startPort).thenComparingInt(PortRange::endPort))
        .forEach(p -> {
          ObjectNode range = ports.addObject();
          if (all && p.equals(PortRange.ALL)) {
            range.putNull("startPort");
            range.putNull("endPort");
          } else {
            range.put("startPort", p.startPort());
            range.put("endPort", p.endPort());
          }
        });
    return o;
  }

  // ---- load balancers -----------------------------------------------------------------------------------

  private ObjectNode loadBalancerBase(String name, Location l, boolean internal, Iterable<String> securityGroups) {
    ObjectNode o = JsonView.object();
    String vpcId = groups.vpcId(l.account(), l.region(), l.vpc());
    o.put("account", l.account());
    o.put("name", name);
    o.put("region", l.region());
    o.put("vpcId", vpcId);
    o.putArray("serverGroups");
    o.put("type", "aws");
    o.put("cloudProvider", "aws");
    o.set("moniker", ClusterJson.moniker(name));
    o.putObject("labels");
    o.put("scheme", internal ? "internal" : "internet-facing");
    o.set("availabilityZones", JsonView.strings(l.availabilityZones()));
    o.put("loadBalancerName", name);
    o.put("dnsname", (internal ? "internal-" : "") + name + "-" + FakeIds.hex(name, 10) + "." + l.region()
        + ".elb.amazonaws.com");
    o.set("subnets", JsonView.strings(groups.subnetIds(l)));
    o.set("securityGroups", groups.securityGroupIds(l.account(), l.region(), securityGroups));
    o.put("createdTime", createdTime);
    return o;
  }

  ObjectNode classicLoadBalancer(ClassicLoadBalancer lb) {
    ObjectNode o = loadBalancerBase(lb.name(), lb.location(), lb.internal(), lb.securityGroupNames());
    o.putArray("targetGroups");
    o.putArray("instances");
    o.put("canonicalHostedZoneNameID", "Z" + FakeIds.hex(lb.location().region(), 12).toUpperCase(Locale.ROOT));
    ObjectNode policies = o.putObject("policies");
    policies.putArray("appCookieStickinessPolicies");
    policies.putArray("otherPolicies");
    policies.putArray("lbcookieStickinessPolicies");
    o.putArray("backendServerDescriptions");
    ObjectNode source = o.putObject("sourceSecurityGroup");
    source.put("ownerAlias", groups.accountId(lb.location().account()));
    source.put("groupName", lb.securityGroupNames().stream().sorted().findFirst().orElse("default"));
    ArrayNode listeners = o.putArray("listenerDescriptions");
    lb.listeners().stream().sorted(Comparator.comparingInt(ClassicLoadBalancerSpec.Listener::externalPort)
        .thenComparingInt(ClassicLoadBalancerSpec.Listener::internalPort)).forEach(l -> {
          ObjectNode d = listeners.addObject();
          ObjectNode listener = d.putObject("listener");
          listener.put("protocol", l.externalProtocol());
          listener.put("loadBalancerPort", l.externalPort());
          listener.put("instanceProtocol", l.internalProtocol());
          listener.put("instancePort", l.internalPort());
          if (l.sslCertificateId() != null) {
            listener.put("sslcertificateId", l.sslCertificateId());
          }
          d.putArray("policyNames");
        });
    ClassicLoadBalancerSpec.HealthCheck h = lb.healthCheck();
    ObjectNode health = o.putObject("healthCheck");
    health.put("target", h.target());
    health.put("interval", h.interval().toSeconds());
    health.put("timeout", h.timeout().toSeconds());
    health.put("unhealthyThreshold", h.unhealthyThreshold());
    health.put("healthyThreshold", h.healthyThreshold());
    o.put("vpcid", o.get("vpcId").asText());
    o.put("idleTimeout", lb.idleTimeout().toSeconds());
    ObjectNode attributes = o.putObject("attributes");
    attributes.putObject("connectionSettings").put("idleTimeout", lb.idleTimeout().toSeconds());
    attributes.putObject("crossZoneLoadBalancing").put("enabled", true);
    attributes.putObject("accessLog").put("enabled", false);
    attributes.putObject("connectionDraining").put("enabled", true).put("timeout", 300);
    attributes.putArray("additionalAttributes");
    return o;
  }

  ObjectNode applicationLoadBalancer(ApplicationLoadBalancer lb) {
    Location l = lb.location();
    ObjectNode o = loadBalancerBase(lb.name(), l, lb.internal(), lb.securityGroupNames());
    String accountId = groups.accountId(l.account());
    o.put("loadBalancerType", "application");
    String lbArn = FakeIds.arn("elasticloadbalancing", l.region(), accountId, "loadbalancer/app/" + lb.name() + "/"
        + FakeIds.hex(lb.name(), 16));
    o.put("loadBalancerArn", lbArn);
    o.put("ipAddressType", "ipv4");
    o.put("canonicalHostedZoneId", "Z" + FakeIds.hex(l.region(), 12).toUpperCase(Locale.ROOT));
    o.put("deletionProtection", false);
    o.put("idleTimeout", lb.idleTimeout().toSeconds());
    Map<String, String> targetGroupArns = new LinkedHashMap<>();
    ArrayNode tgs = o.putArray("targetGroups");
    lb.targetGroups().stream().sorted(Comparator.comparing(ApplicationLoadBalancerSpec.TargetGroup::name))
        .forEach(tg -> {
          String arn = FakeIds.arn("elasticloadbalancing", l.region(), accountId, "targetgroup/" + tg.name() + "/"
              + FakeIds.hex(tg.name(), 16));
          targetGroupArns.put(tg.name(), arn);
          tgs.add(targetGroup(tg, lb, arn));
        });
    ArrayNode listeners = o.putArray("listeners");
    lb.listeners().stream().sorted(Comparator.comparingInt(ApplicationLoadBalancerSpec.Listener::port))
        .forEach(listener -> listeners.add(listener(listener, lb, lbArn, targetGroupArns)));
    ArrayNode attributes = o.putArray("attributes");
    attributes.addObject().put("key", "idle_timeout.timeout_seconds").put("value",
        String.valueOf(lb.idleTimeout().toSeconds()));
    attributes.addObject().put("key", "deletion_protection.enabled").put("value", "false");
    o.putObject("state").put("code", "active");
    return o;
  }

  private ObjectNode targetGroup(ApplicationLoadBalancerSpec.TargetGroup tg, ApplicationLoadBalancer lb, String arn) {
    Location l = lb.location();
    ObjectNode t = JsonView.object();
    t.put("account", l.account());
    t.put("name", tg.name());
    t.put("region", l.region());
    t.put("vpcId", groups.vpcId(l.account(), l.region(), l.vpc()));
    t.putArray("serverGroups");
    t.put("type", "aws");
    t.put("cloudProvider", "aws");
    t.set("moniker", ClusterJson.moniker(tg.name()));
    t.putObject("labels");
    t.set("loadBalancerNames", JsonView.strings(List.of(lb.name())));
    t.putArray("instances");
    t.put("targetGroupArn", arn);
    t.put("targetGroupName", tg.name());
    t.put("targetType", tg.targetType());
    t.put("protocol", tg.protocol());
    t.put("port", tg.port());
    t.put("healthCheckEnabled", tg.healthCheckEnabled());
    t.put("healthCheckTimeoutSeconds", tg.healthCheckTimeout().toSeconds());
    t.put("healthCheckPort", String.valueOf(tg.healthCheckPort()));
    t.put("healthCheckProtocol", tg.healthCheckProtocol());
    t.put("healthCheckPath", tg.healthCheckPath());
    t.put("healthCheckIntervalSeconds", tg.healthCheckInterval().toSeconds());
    t.put("healthyThresholdCount", tg.healthyThresholdCount());
    t.put("unhealthyThresholdCount", tg.unhealthyThresholdCount());
    t.putObject("matcher").put("httpCode", tg.healthCheckHttpCode());
    ApplicationLoadBalancerSpec.TargetGroupAttributes a = tg.attributes();
    Map<String, String> attributes = new TreeMap<>(a.properties());
    attributes.put("stickiness.enabled", String.valueOf(a.stickinessEnabled()));
    attributes.put("deregistration_delay.timeout_seconds", String.valueOf(a.deregistrationDelay()));
    attributes.put("stickiness.type", a.stickinessType());
    attributes.put("stickiness.lb_cookie.duration_seconds", String.valueOf(a.stickinessDuration()));
    attributes.put("slow_start.duration_seconds", String.valueOf(a.slowStartDurationSeconds()));
    t.set("attributes", JsonView.stringMap(attributes));
    return t;
  }

  private ObjectNode listener(ApplicationLoadBalancerSpec.Listener listener, ApplicationLoadBalancer lb, String lbArn,
      Map<String, String> targetGroupArns) {
    ObjectNode o = JsonView.object();
    String arn = lbArn.replace(":loadbalancer/", ":listener/") + "/" + FakeIds.hex(lb.name() + listener.port(), 16);
    o.put("listenerArn", arn);
    o.put("port", listener.port());
    o.put("protocol", listener.protocol());
    ArrayNode certificates = o.putArray("certificates");
    if (listener.certificate() != null) {
      String account = lb.location().account();
      String certificateArn = groups.ec2().certificate(account, listener.certificate())
          .map(Catalog.Certificate::arn)
          .orElse("arn:aws:iam::" + groups.accountId(account) + ":server-certificate/" + listener.certificate());
      certificates.addObject().put("certificateArn", certificateArn);
    }
    o.set("defaultActions", actions(listener.defaultActions(), targetGroupArns));
    o.put("loadBalancerName", lb.name());
    ArrayNode rules = o.putArray("rules");
    listener.rules().stream().sorted(Comparator.comparing(ApplicationLoadBalancerSpec.Rule::priority)).forEach(r -> {
      ObjectNode rule = rules.addObject();
      rule.put("ruleArn", arn.replace(":listener/", ":listener-rule/") + "/" + FakeIds.hex(r.priority(), 16));
      rule.put("priority", r.priority());
      ArrayNode conditions = rule.putArray("conditions");
      r.conditions().forEach(c -> conditions.addObject().put("field", c.field()).set("values",
          JsonView.strings(c.values())));
      rule.set("actions", actions(r.actions(), targetGroupArns));
      rule.put("isDefault", r.isDefault());
      rule.put("default", r.isDefault());
    });
    ObjectNode implicit = rules.addObject();
    implicit.put("ruleArn", arn.replace(":listener/", ":listener-rule/") + "/default");
    implicit.put("priority", "default");
    implicit.putArray("conditions");
    implicit.set("actions", actions(listener.defaultActions(), targetGroupArns));
    implicit.put("isDefault", true);
    implicit.put("default", true);
    return o;
  }

  private static ArrayNode actions(List<ApplicationLoadBalancerSpec.Action> actions, Map<String, String> arns) {
    ArrayNode a = JsonView.array();
    for (ApplicationLoadBalancerSpec.Action action : actions) {
      ObjectNode o = a.addObject();
      o.put("type", action.type());
      o.put("order", action.order());
      if (action.targetGroupName() != null) {
        o.put("targetGroupName", action.targetGroupName());
        String arn = arns.get(action.targetGroupName());
        if (arn != null) {
          o.put("targetGroupArn", arn);
        }
      }
      if (action.redirectConfig() != null) {
        o.set("redirectConfig", JsonView.tree(action.redirectConfig()));
      }
      if (action.authenticateOidcConfig() != null) {
        ApplicationLoadBalancerSpec.AuthenticateOidcConfig c = action.authenticateOidcConfig();
        ObjectNode oidc = o.putObject("authenticateOidcConfig");
        oidc.put("issuer", c.issuer());
        oidc.put("authorizationEndpoint", c.authorizationEndpoint());
        oidc.put("tokenEndpoint", c.tokenEndpoint());
        oidc.put("userInfoEndpoint", c.userInfoEndpoint());
        oidc.put("clientId", c.clientId());
        oidc.put("sessionCookieName", c.sessionCookieName());
        oidc.put("scope", c.scope());
        oidc.put("sessionTimeout", c.sessionTimeout().toSeconds());
        if (c.authenticationRequestExtraParams() != null) {
          oidc.set("authenticationRequestExtraParams", JsonView.stringMap(c.authenticationRequestExtraParams()));
        }
      }
    }
    return a;
  }

  // ---- images and the catalog ---------------------------------------------------------------------------

  /** A named image as {@code /aws/images/find} lists it. */
  ObjectNode namedImage(Catalog.Image image, List<String> accounts) {
    ObjectNode o = JsonView.object();
    o.put("imageName", image.name());
    ObjectNode attributes = o.putObject("attributes");
    attributes.put("virtualizationType", "hvm");
    attributes.put("creationDate", DateTimeFormatter.ISO_INSTANT.format(image.createdAt()));
    ObjectNode byId = o.putObject("tagsByImageId");
    ObjectNode amis = o.putObject("amis");
    new TreeMap<>(image.amis()).forEach((region, ami) -> {
      ObjectNode tags = byId.putObject(ami);
      tags.put("appversion", image.appVersion());
      if (image.baseImageName() != null) {
        tags.put("base_ami_name", image.baseImageName());
        tags.put("base_ami_version", image.baseImageName());
      }
      tags.put("creator", "keel@spinnaker.io");
      tags.put("creation_time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
          .format(image.createdAt().atZone(ZoneOffset.UTC)));
      amis.putArray(region).add(ami);
    });
    o.set("accounts", JsonView.strings(accounts));
    o.putObject("tags");
    return o;
  }

  ObjectNode credentials(Catalog.Account account, Iterable<String> regions) {
    ObjectNode o = JsonView.object();
    o.put("name", account.name());
    o.put("type", "aws");
    o.put("cloudProvider", "aws");
    o.put("accountType", account.name());
    o.put("environment", account.name());
    o.put("accountId", account.accountId());
    o.put("defaultKeyPair", account.defaultKeyPair());
    ArrayNode rs = o.putArray("regions");
    for (String region : regions) {
      ObjectNode r = rs.addObject();
      r.put("name", region);
      TreeSet<String> zones = new TreeSet<>();
      groups.ec2().subnets(account.name(), region).forEach(s -> zones.add(s.availabilityZone()));
      r.set("availabilityZones", JsonView.strings(zones));
    }
    o.put("challengeDestructiveActions", false);
    o.put("primaryAccount", false);
    o.putArray("requiredGroupMembership");
    return o;
  }

  static ObjectNode network(Catalog.Network n) {
    ObjectNode o = JsonView.object();
    o.put("cloudProvider", "aws");
    o.put("id", n.id());
    o.put("name", n.name());
    o.put("account", n.account());
    o.put("region", n.region());
    o.put("deprecated", false);
    return o;
  }

  static ObjectNode subnet(Catalog.Subnet s, String account, String region) {
    ObjectNode o = JsonView.object();
    o.put("type", "aws");
    o.put("id", s.id());
    o.put("state", "available");
    o.put("vpcId", s.vpcId());
    o.put("cidrBlock", "10.0.0.0/24");
    o.put("availableIpAddressCount", 250);
    o.put("account", account);
    o.put("accountId", "");
    o.put("region", region);
    o.put("availabilityZone", s.availabilityZone());
    o.put("purpose", s.purpose());
    o.put("target", "ec2");
    o.put("deprecated", false);
    return o;
  }

  static ObjectNode certificate(Catalog.Certificate c, Instant uploaded) {
    ObjectNode o = JsonView.object();
    o.put("serverCertificateName", c.name());
    o.put("arn", c.arn());
    o.put("serverCertificateId", "ASCA" + FakeIds.hex(c.arn(), 16).toUpperCase(Locale.ROOT));
    o.put("path", "/");
    o.put("uploadDate", uploaded.toEpochMilli());
    o.put("expiration", uploaded.plusSeconds(365L * 24 * 3600).toEpochMilli());
    return o;
  }
}
