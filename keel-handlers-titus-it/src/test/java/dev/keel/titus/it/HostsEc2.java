package dev.keel.titus.it;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host's own EC2, implemented from the keel-ec2-api jar on the host's class path: it records every call the
 * plugin makes and answers from a cloud of its own (here a simulated EC2, standing in for Clouddriver and
 * Orca).
 */
final class HostsEc2 implements Ec2Cloud {

  private final Ec2Cloud backend;
  private final List<String> calls = new ArrayList<>();
  private final List<TaskRequest> submitted = new ArrayList<>();

  HostsEc2(Ec2Cloud backend) {
    this.backend = backend;
  }

  /** The methods the plugin called, in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The tasks the plugin submitted. */
  synchronized List<TaskRequest> submitted() {
    return List.copyOf(submitted);
  }

  private synchronized void called(String method) {
    calls.add(method);
  }

  @Override
  public List<Ec2ServerGroupState> serverGroups(String account, String region, String cluster) {
    called("serverGroups");
    return backend.serverGroups(account, region, cluster);
  }

  @Override
  public TaskExecution submit(TaskRequest request) {
    synchronized (this) {
      calls.add("submit");
      submitted.add(request);
    }
    return backend.submit(request);
  }

  @Override
  public boolean isRunning(String correlationId) {
    called("isRunning");
    return backend.isRunning(correlationId);
  }

  @Override
  public Optional<TaskExecution> task(String taskId) {
    called("task");
    return backend.task(taskId);
  }

  @Override
  public Optional<SecurityGroup> securityGroup(String account, String region, String vpc, String name) {
    called("securityGroup");
    return backend.securityGroup(account, region, vpc, name);
  }

  @Override
  public Optional<ClassicLoadBalancer> classicLoadBalancer(String account, String region, String name) {
    called("classicLoadBalancer");
    return backend.classicLoadBalancer(account, region, name);
  }

  @Override
  public Optional<ApplicationLoadBalancer> applicationLoadBalancer(String account, String region, String name) {
    called("applicationLoadBalancer");
    return backend.applicationLoadBalancer(account, region, name);
  }

  @Override
  public Set<String> targetGroups(String account, String region) {
    called("targetGroups");
    return backend.targetGroups(account, region);
  }

  @Override
  public List<Catalog.Image> findImages(String appVersion, String account) {
    called("findImages");
    return backend.findImages(appVersion, account);
  }

  @Override
  public Optional<Catalog.BaseImage> baseImage(String os, String label) {
    called("baseImage");
    return backend.baseImage(os, label);
  }

  @Override
  public Optional<Catalog.Network> network(String account, String region, String name) {
    called("network");
    return backend.network(account, region, name);
  }

  @Override
  public List<Catalog.Subnet> subnets(String account, String region) {
    called("subnets");
    return backend.subnets(account, region);
  }

  @Override
  public Set<String> regions(String account) {
    called("regions");
    return backend.regions(account);
  }

  @Override
  public Optional<Catalog.Account> account(String account) {
    called("account");
    return backend.account(account);
  }

  @Override
  public Optional<Catalog.Certificate> certificate(String account, String name) {
    called("certificate");
    return backend.certificate(account, name);
  }
}
