package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Handles {@code ec2/security-group@v1}: one group per region, rules of the base plus the region's override.
 * A missing region is created without its self-reference (AWS cannot reference a group before it exists);
 * the next check's update adds it. A region that differs gets its whole rule set upserted.
 */
@Extension
public final class SecurityGroupHandler implements ResourceHandler<SecurityGroupSpec, Map<String, SecurityGroup>> {

  private final Ec2Cloud cloud;

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public SecurityGroupHandler(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public SecurityGroupHandler(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public SupportedKind<SecurityGroupSpec> supportedKind() {
    return Ec2Kinds.SECURITY_GROUP;
  }

  @Override
  public Map<String, SecurityGroup> desired(Resource<SecurityGroupSpec> resource, ResourceContext context) {
    SecurityGroupSpec spec = resource.spec();
    Locations l = spec.locations();
    String name = spec.moniker().toName();
    Map<String, SecurityGroup> out = new TreeMap<>();
    for (String region : l.regionNames()) {
      var o = spec.overrides().get(region);
      Set<SecurityGroupRule> rules = new HashSet<>();
      spec.inboundRules().forEach(r -> rules.add(r.resolved(name, l.account())));
      if (o != null && o.inboundRules() != null) {
        o.inboundRules().forEach(r -> rules.add(r.resolved(name, l.account())));
      }
      String description = o != null && o.description() != null ? o.description() : spec.description();
      out.put(region, new SecurityGroup(name, l.account(), region, l.effectiveVpc(), description, rules));
    }
    return out;
  }

  @Override
  @Nullable
  public Map<String, SecurityGroup> current(Resource<SecurityGroupSpec> resource, ResourceContext context) {
    SecurityGroupSpec spec = resource.spec();
    Locations l = spec.locations();
    Map<String, SecurityGroup> out = new TreeMap<>();
    for (String region : l.regionNames()) {
      cloud.securityGroup(l.account(), region, l.effectiveVpc(), spec.moniker().toName())
          .ifPresent(g -> out.put(region, g));
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public Actuation plan(Resource<SecurityGroupSpec> resource, ResourceDiff<Map<String, SecurityGroup>> diff,
      ResourceContext context) {
    List<Ec2Operation> ops = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      SecurityGroup current = diff.current() == null ? null : diff.current().get(e.getKey());
      if (current == null) {
        ops.add(new Ec2Operation.UpsertSecurityGroup(e.getValue(), true));
      } else if (!current.equals(e.getValue()) && !sameRules(current, e.getValue())) {
        ops.add(new Ec2Operation.UpsertSecurityGroup(e.getValue(), false));
      }
    }
    return new Actuation(List.copyOf(ops));
  }

  private static boolean sameRules(SecurityGroup a, SecurityGroup b) {
    return a.inboundRules().equals(b.inboundRules()) && a.vpc().equals(b.vpc());
  }

  @Override
  public List<Task> execute(Resource<SecurityGroupSpec> resource, Actuation actuation, ResourceContext context) {
    return Ec2Clouds.tasks(cloud).submit(resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<SecurityGroupSpec> resource, ResourceContext context) {
    return Ec2Clouds.tasks(cloud).anyRunning(resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<SecurityGroupSpec> resource, ResourceContext context) {
    Map<String, SecurityGroup> current = current(resource, context);
    List<Ec2Operation> ops = new ArrayList<>();
    if (current != null) {
      current.values().forEach(g -> ops.add(new Ec2Operation.DeleteSecurityGroup(g.account(), g.region(), g.vpc(),
          g.name())));
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public SecurityGroupSpec export(Exportable e) {
    Map<String, SecurityGroup> found = new TreeMap<>();
    Set<String> searched = ExportRegions.of(cloud, e);
    for (String region : searched) {
      cloud.securityGroup(e.account(), region, "vpc0", e.moniker().toName()).ifPresent(g -> found.put(region, g));
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No security group " + e.moniker().toName() + " in "
          + ExportRegions.where(e, searched) + ": nothing to export");
    }
    SecurityGroup base = found.values().stream().min(Comparator.comparingInt(g -> g.inboundRules().size())).orElseThrow();
    String name = e.moniker().toName();
    Set<SecurityGroupRule> baseRules = new LinkedHashSet<>();
    base.inboundRules().forEach(r -> baseRules.add(unresolved(r, name)));
    Map<String, SecurityGroupSpec.SecurityGroupOverride> overrides = new TreeMap<>();
    Set<RegionSpec> regions = new LinkedHashSet<>();
    for (var entry : found.entrySet()) {
      regions.add(new RegionSpec(entry.getKey()));
      Set<SecurityGroupRule> extra = new LinkedHashSet<>();
      entry.getValue().inboundRules().stream().filter(r -> !base.inboundRules().contains(r))
          .forEach(r -> extra.add(unresolved(r, name)));
      String description = java.util.Objects.equals(entry.getValue().description(), base.description()) ? null
          : entry.getValue().description();
      if (!extra.isEmpty() || description != null) {
        overrides.put(entry.getKey(), new SecurityGroupSpec.SecurityGroupOverride(description,
            extra.isEmpty() ? null : extra, null));
      }
    }
    return new SecurityGroupSpec(e.moniker(), new Locations(e.account(), null, null, regions), base.description(),
        baseRules, overrides);
  }

  private static SecurityGroupRule unresolved(SecurityGroupRule r, String self) {
    if (self.equals(r.name()) && r.account() == null) {
      return new SecurityGroupRule(r.protocol(), r.portRange(), null, null, null, null, null, null);
    }
    return r;
  }
}
