package dev.keel.spinnaker.ec2;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spinnaker.http.JsonView;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Reads Clouddriver's EC2 payloads (security groups, load balancers, named images) into the port's models, as
 * Keel's handlers convert them. Ids become names through {@link Ec2Names}.
 *
 * @param names the id-to-name lookups
 */
public record Ec2Reads(Ec2Names names) {

  /** Checks for null. */
  public Ec2Reads {
    Objects.requireNonNull(names, "names");
  }

  /**
   * A security group ({@code GET /securityGroups/...}): one rule per port range; a referenced group in another
   * account or VPC is a cross-account rule, else a reference by name (a self-reference names the group itself);
   * a {@code range} is a CIDR rule ({@code ip} + {@code cidr}); a {@code prefixList} a prefix-list rule; protocol
   * {@code -1} is ALL and null ports are all ports; references to deleted groups (no name) are dropped.
   *
   * @param json the group
   * @return the model
   */
  public SecurityGroup securityGroup(JsonView json) {
    String account = json.text("accountName", "");
    String region = json.text("region", "");
    String vpcId = json.text("vpcId");
    Set<SecurityGroupRule> rules = new HashSet<>();
    for (JsonView rule : json.list("inboundRules")) {
      String protocol = "-1".equals(rule.text("protocol", "-1")) ? "ALL" : rule.text("protocol");
      List<PortRange> ranges = new ArrayList<>();
      for (JsonView r : rule.list("portRanges")) {
        Integer start = r.integer("startPort");
        Integer end = r.integer("endPort");
        ranges.add(start == null || end == null ? PortRange.ALL : new PortRange(start, end));
      }
      if (ranges.isEmpty()) {
        ranges.add(PortRange.ALL);
      }
      for (PortRange ports : ranges) {
        SecurityGroupRule read = rule(rule, protocol, ports, account, vpcId);
        if (read != null) {
          rules.add(read);
        }
      }
    }
    return new SecurityGroup(json.text("name", ""), account, region,
        vpcId == null ? "" : names.vpcName(vpcId), json.text("description"), rules);
  }

  @Nullable
  private SecurityGroupRule rule(JsonView rule, String protocol, PortRange ports, String account,
      @Nullable String vpcId) {
    JsonView range = rule.get("range");
    if (!range.absent()) {
      return new SecurityGroupRule(protocol, ports, null, null, null, range.text("ip", "") + range.text("cidr", ""),
          null, null);
    }
    JsonView prefixList = rule.get("prefixList");
    if (!prefixList.absent()) {
      String id = prefixList.node().isTextual() ? prefixList.node().asText() : prefixList.text("prefixListId");
      return new SecurityGroupRule(protocol, ports, null, null, null, null, id, null);
    }
    JsonView ref = rule.get("securityGroup");
    String name = ref.text("name");
    if (name == null) {
      return null;
    }
    String refAccount = ref.text("accountName", account);
    String refVpc = ref.text("vpcId", vpcId == null ? "" : vpcId);
    if (!refAccount.equals(account) || vpcId != null && !refVpc.equals(vpcId)) {
      return new SecurityGroupRule(protocol, ports, name, refAccount, names.vpcName(refVpc), null, null, null);
    }
    return new SecurityGroupRule(protocol, ports, name, null, null, null, null, null);
  }

  /**
   * Whether a load balancer payload is an application load balancer (classic ones have no
   * {@code loadBalancerType}).
   *
   * @param json the load balancer
   * @return true for {@code application}
   */
  public static boolean isApplication(JsonView json) {
    return "application".equals(json.text("loadBalancerType"));
  }

  /**
   * Whether a load balancer payload is a classic load balancer.
   *
   * @param json the load balancer
   * @return true when it has no {@code loadBalancerType} or {@code classic}
   */
  public static boolean isClassic(JsonView json) {
    String type = json.text("loadBalancerType");
    return type == null || "classic".equals(type);
  }

  private Location location(JsonView json) {
    List<String> subnets = json.texts("subnets");
    String vpcId = json.text("vpcId", json.text("vpcid", ""));
    return new Location(json.text("account", ""), json.text("region", ""), names.vpcName(vpcId),
        subnets.isEmpty() ? null : names.subnetPurpose(subnets.get(0)), new TreeSet<>(json.texts("availabilityZones")));
  }

  private Set<String> securityGroupNames(JsonView json) {
    Set<String> out = new TreeSet<>();
    for (String id : json.texts("securityGroups")) {
      out.add(id.startsWith("sg-") ? names.securityGroupName(json.text("account", ""), json.text("region", ""), id)
          : id);
    }
    return out;
  }

  /**
   * A classic load balancer.
   *
   * @param json one element of {@code GET /aws/loadBalancers/...} without a {@code loadBalancerType}
   * @return the model
   */
  public ClassicLoadBalancer classicLoadBalancer(JsonView json) {
    Set<ClassicLoadBalancerSpec.Listener> listeners = new HashSet<>();
    for (JsonView d : json.list("listenerDescriptions")) {
      JsonView l = d.get("listener");
      listeners.add(new ClassicLoadBalancerSpec.Listener(l.text("instanceProtocol", "HTTP"),
          l.integer("instancePort", 0), l.text("protocol", "HTTP"), l.integer("loadBalancerPort", 0),
          l.text("sslcertificateId", l.text("sslCertificateId"))));
    }
    JsonView h = json.get("healthCheck");
    var health = new ClassicLoadBalancerSpec.HealthCheck(h.text("target", ""), seconds(h.integer("interval")),
        h.integer("healthyThreshold"), h.integer("unhealthyThreshold"), seconds(h.integer("timeout")));
    return new ClassicLoadBalancer(json.text("loadBalancerName", json.text("name", "")), location(json),
        json.text("scheme", "internal").contains("internal"), securityGroupNames(json), listeners, health,
        idleTimeout(json));
  }

  private static Duration idleTimeout(JsonView json) {
    Integer top = json.integer("idleTimeout");
    if (top != null) {
      return Duration.ofSeconds(top);
    }
    Integer connection = json.get("attributes").get("connectionSettings").integer("idleTimeout");
    return Duration.ofSeconds(connection == null ? 60 : connection);
  }

  @Nullable
  private static Duration seconds(@Nullable Integer seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  /**
   * An application load balancer: listeners with certificates by name and default rules left out, target groups
   * with their attributes ({@code healthCheckPort: traffic-port} is the group's port).
   *
   * @param json one element of {@code GET /aws/loadBalancers/...} with {@code loadBalancerType: application}
   * @return the model
   */
  public ApplicationLoadBalancer applicationLoadBalancer(JsonView json) {
    Set<ApplicationLoadBalancerSpec.Listener> listeners = new HashSet<>();
    for (JsonView l : json.list("listeners")) {
      List<JsonView> certs = l.list("certificates");
      String cert = certs.isEmpty() || certs.get(0).text("certificateArn") == null ? null
          : names.certificateName(certs.get(0).text("certificateArn"));
      Set<ApplicationLoadBalancerSpec.Rule> rules = new HashSet<>();
      for (JsonView r : l.list("rules")) {
        if (r.bool("default", false) || r.bool("isDefault", false)) {
          continue;
        }
        List<ApplicationLoadBalancerSpec.Condition> conditions = r.list("conditions").stream()
            .map(c -> new ApplicationLoadBalancerSpec.Condition(c.text("field", ""), c.texts("values"))).toList();
        rules.add(new ApplicationLoadBalancerSpec.Rule(r.text("priority", ""), conditions, actions(r.list("actions")),
            false));
      }
      listeners.add(new ApplicationLoadBalancerSpec.Listener(l.integer("port", 0), l.text("protocol", "HTTP"), cert,
          rules, actions(l.list("defaultActions"))));
    }
    Set<ApplicationLoadBalancerSpec.TargetGroup> groups = new HashSet<>();
    for (JsonView t : json.list("targetGroups")) {
      groups.add(targetGroup(t));
    }
    Map<String, String> attributes = json.pairs("attributes");
    Integer idle = json.integer("idleTimeout");
    Duration idleTimeout = Duration.ofSeconds(idle != null ? idle
        : Integer.parseInt(attributes.getOrDefault("idle_timeout.timeout_seconds", "60")));
    return new ApplicationLoadBalancer(json.text("loadBalancerName", json.text("name", "")), location(json),
        json.text("scheme", "internal").contains("internal"), securityGroupNames(json), idleTimeout, listeners,
        groups);
  }

  private static List<ApplicationLoadBalancerSpec.Action> actions(List<JsonView> actions) {
    List<ApplicationLoadBalancerSpec.Action> out = new ArrayList<>();
    for (JsonView a : actions) {
      String type = a.text("type", "forward");
      ApplicationLoadBalancerSpec.RedirectConfig redirect = null;
      JsonView r = a.get("redirectConfig").absent() ? a.get("redirectActionConfig") : a.get("redirectConfig");
      if (!r.absent()) {
        redirect = new ApplicationLoadBalancerSpec.RedirectConfig(r.text("protocol", "#{protocol}"),
            r.text("host", "#{host}"), r.text("port"), r.text("path", "/#{path}"), r.text("query"),
            r.text("statusCode", "HTTP_301"));
      }
      ApplicationLoadBalancerSpec.AuthenticateOidcConfig oidc = null;
      JsonView o = a.get("authenticateOidcConfig").absent() ? a.get("authenticateOidcActionConfig")
          : a.get("authenticateOidcConfig");
      if (!o.absent()) {
        oidc = new ApplicationLoadBalancerSpec.AuthenticateOidcConfig(o.text("issuer", ""),
            o.text("authorizationEndpoint", ""), o.text("tokenEndpoint", ""), o.text("userInfoEndpoint", ""),
            o.text("clientId", ""), o.text("sessionCookieName", ""), o.text("scope", ""),
            Duration.ofSeconds(o.integer("sessionTimeout", 604800)), o.textMap("authenticationRequestExtraParams"));
      }
      out.add(new ApplicationLoadBalancerSpec.Action(type, a.integer("order", 1),
          "forward".equals(type) ? a.text("targetGroupName") : null, redirect, oidc));
    }
    out.sort(Comparator.comparingInt(ApplicationLoadBalancerSpec.Action::order));
    return out;
  }

  private static ApplicationLoadBalancerSpec.TargetGroup targetGroup(JsonView t) {
    int port = t.integer("port", 0);
    String hcPort = t.text("healthCheckPort", "traffic-port");
    Map<String, String> attrs = new TreeMap<>(t.textMap("attributes"));
    String stickiness = attrs.remove("stickiness.enabled");
    String delay = attrs.remove("deregistration_delay.timeout_seconds");
    String stickinessType = attrs.remove("stickiness.type");
    String duration = attrs.remove("stickiness.lb_cookie.duration_seconds");
    String slowStart = attrs.remove("slow_start.duration_seconds");
    var attributes = new ApplicationLoadBalancerSpec.TargetGroupAttributes(
        stickiness == null ? null : Boolean.valueOf(stickiness), integerOrNull(delay), stickinessType,
        integerOrNull(duration), integerOrNull(slowStart), attrs);
    return new ApplicationLoadBalancerSpec.TargetGroup(t.text("targetGroupName", t.text("name", "")),
        t.text("targetType"), t.text("protocol"), port, t.bool("healthCheckEnabled", true),
        seconds(t.integer("healthCheckTimeoutSeconds")),
        "traffic-port".equals(hcPort) ? Integer.valueOf(port) : integerOrNull(hcPort), t.text("healthCheckProtocol"),
        t.get("matcher").text("httpCode"), t.text("healthCheckPath"), seconds(t.integer("healthCheckIntervalSeconds")),
        t.integer("healthyThresholdCount"), t.integer("unhealthyThresholdCount"), attributes);
  }

  @Nullable
  private static Integer integerOrNull(@Nullable String text) {
    return text == null || !text.trim().matches("-?\\d+") ? null : Integer.valueOf(text.trim());
  }

  /**
   * Named images ({@code GET /aws/images/find}) as the port's images, newest first: an image needs an
   * {@code appversion} tag (its version is the part before the first {@code /}) and at least one AMI; its base
   * image is the {@code base_ami_name} tag, else none. Only images of exactly the asked application version are
   * kept, since Clouddriver's search is a wildcard.
   *
   * @param images the named images
   * @param appVersion the application version asked for
   * @return the images
   */
  public static List<Catalog.Image> images(List<JsonView> images, String appVersion) {
    List<Catalog.Image> out = new ArrayList<>();
    for (JsonView image : images) {
      String version = null;
      String base = null;
      for (JsonView tags : image.fields("tagsByImageId").values()) {
        String v = tags.text("appversion");
        if (v != null && version == null) {
          version = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
          base = tags.text("base_ami_name");
        }
      }
      Map<String, String> amis = new LinkedHashMap<>();
      image.fields("amis").forEach((region, ids) -> {
        List<String> list = ids.list(null).stream().map(i -> i.node().asText()).toList();
        if (!list.isEmpty()) {
          amis.put(region, list.get(0));
        }
      });
      if (version == null || amis.isEmpty() || !version.equals(appVersion.replace('~', '_'))
          && !version.equals(appVersion)) {
        continue;
      }
      out.add(new Catalog.Image(image.text("imageName", ""), version, base, amis,
          instant(image.get("attributes").text("creationDate"))));
    }
    out.sort(Comparator.comparing(Catalog.Image::createdAt).reversed());
    return out;
  }

  private static Instant instant(@Nullable String text) {
    try {
      return text == null ? Instant.EPOCH : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /**
   * The protocol a rule is sent with: {@code -1} for all, else lower case.
   *
   * @param protocol the canonical protocol
   * @return Orca's spelling
   */
  static String orcaProtocol(String protocol) {
    return "ALL".equals(protocol) ? "-1" : protocol.toLowerCase(Locale.ROOT);
  }
}
