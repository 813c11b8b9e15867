package dev.keel.spinnaker.clouddriver;

import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Clouddriver's endpoints that Keel reads (spinnaker-adapters.md §2), each returning the JSON as a
 * {@link JsonView}: empty or absent for a 404, a {@link dev.keel.spinnaker.SpinnakerCallException} naming the
 * call for any other failure. Networks, subnets and certificates are kept for an hour, credentials and security
 * group names by id for ten minutes, on the engine's clock.
 */
public final class ClouddriverClient {

  private static final String CD = SpinnakerHttp.CLOUDDRIVER;

  private final SpinnakerHttp http;
  private final TtlCache<List<JsonView>> catalog;
  private final TtlCache<Optional<JsonView>> credentials;
  private final TtlCache<Optional<JsonView>> groupsById;

  /**
   * A client.
   *
   * @param http the HTTP caller
   * @param clock the engine's clock, for the caches
   */
  public ClouddriverClient(SpinnakerHttp http, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.catalog = new TtlCache<>(clock, Duration.ofHours(1));
    this.credentials = new TtlCache<>(clock, Duration.ofMinutes(10));
    this.groupsById = new TtlCache<>(clock, Duration.ofMinutes(10));
  }

  /**
   * A path segment, encoded.
   *
   * @param text the segment
   * @return it, percent-encoded
   */
  static String seg(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Optional<JsonView> get(String path, Map<String, String> query, @Nullable String user) {
    return http.get(CD, path, query, user).map(JsonView::new);
  }

  private List<JsonView> list(String path, Map<String, String> query) {
    return get(path, query, null).map(v -> v.list(null)).orElse(List.of());
  }

  /**
   * A cluster with every server group, enabled or not, in every region.
   *
   * @param app the application
   * @param account the account
   * @param cluster the cluster
   * @param provider {@code aws} or {@code titus}
   * @param user the resource's service account, or null
   * @return {@code {accountName, serverGroups}}, or empty when the cluster does not exist
   */
  public Optional<JsonView> cluster(String app, String account, String cluster, String provider,
      @Nullable String user) {
    return get("/applications/" + seg(app) + "/clusters/" + seg(account) + "/" + seg(cluster) + "/" + provider,
        Map.of(), user);
  }

  /**
   * A security group by name.
   *
   * @param account the account
   * @param region the region
   * @param name the name
   * @param vpcId the VPC id, or null
   * @return the group, or empty
   */
  public Optional<JsonView> securityGroup(String account, String region, String name, @Nullable String vpcId) {
    return get("/securityGroups/" + seg(account) + "/aws/" + seg(region) + "/" + seg(name),
        vpcId == null ? Map.of() : Map.of("vpcId", vpcId), null);
  }

  /**
   * A security group by id, kept ten minutes.
   *
   * @param account the account
   * @param region the region
   * @param id the group id
   * @return the group, or empty
   */
  public Optional<JsonView> securityGroupById(String account, String region, String id) {
    return groupsById.get(account + "/" + region + "/" + id, () -> get("/securityGroups/" + seg(account) + "/aws/"
        + seg(region) + "/" + seg(id), Map.of("getById", "true"), null));
  }

  /**
   * One load balancer, as the list Clouddriver returns (a classic or an application one).
   *
   * @param account the account
   * @param region the region
   * @param name the name
   * @return the list, empty when it does not exist
   */
  public List<JsonView> loadBalancer(String account, String region, String name) {
    return list("/aws/loadBalancers/" + seg(account) + "/" + seg(region) + "/" + seg(name), Map.of());
  }

  /**
   * An application's load balancers of every type.
   *
   * @param app the application
   * @return them
   */
  public List<JsonView> applicationLoadBalancers(String app) {
    return list("/applications/" + seg(app) + "/loadBalancers", Map.of());
  }

  /**
   * Named images matching an application version ({@code ~} written {@code _}, as Keel does).
   *
   * @param appVersion the application version
   * @param account the image account
   * @return the images
   */
  public List<JsonView> namedImages(String appVersion, String account) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", appVersion.replace('~', '_'));
    query.put("account", account);
    return list("/aws/images/find", query);
  }

  /**
   * An account's credentials, kept ten minutes.
   *
   * @param account the account
   * @return them, or empty for an unknown account
   */
  public Optional<JsonView> credentials(String account) {
    return credentials.get(account, () -> get("/credentials/" + seg(account), Map.of(), null));
  }

  /**
   * Every AWS network, kept an hour.
   *
   * @return {@code [{cloudProvider, id, name, account, region}]}
   */
  public List<JsonView> networks() {
    return catalog.get("networks", () -> list("/networks/aws", Map.of()));
  }

  /**
   * Every AWS subnet, kept an hour.
   *
   * @return {@code [{id, vpcId, account, region, availabilityZone, purpose}]}
   */
  public List<JsonView> subnets() {
    return catalog.get("subnets", () -> list("/subnets/aws", Map.of()));
  }

  /**
   * Every server certificate, kept an hour.
   *
   * @return {@code [{serverCertificateName, arn, ...}]}
   */
  public List<JsonView> certificates() {
    return catalog.get("certificates", () -> list("/certificates/aws", Map.of()));
  }

  /**
   * Docker images of a repository with their digests.
   *
   * @param registry the registry account, or null for every registry
   * @param repository {@code organization/image}
   * @param tag a tag, or null for every tag
   * @return {@code [{account, repository, tag, digest, date, ...}]}
   */
  public List<JsonView> dockerImages(@Nullable String registry, String repository, @Nullable String tag) {
    Map<String, String> query = new LinkedHashMap<>();
    if (registry != null) {
      query.put("account", registry);
    }
    query.put("repository", repository);
    if (tag != null) {
      query.put("tag", tag);
    }
    query.put("includeDetails", "true");
    return list("/dockerRegistry/images/find", query);
  }
}
