package dev.keel.ec2.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/** The slow-changing EC2 catalog records the port reads: networks, subnets, images, accounts, certificates. */
public final class Catalog {

  private Catalog() {}

  /**
   * A VPC.
   *
   * @param id its id
   * @param name its name, such as {@code vpc0}
   * @param account the account
   * @param region the region
   */
  public record Network(String id, String name, String account, String region) {}

  /**
   * A subnet.
   *
   * @param id its id
   * @param vpcId its VPC
   * @param availabilityZone its zone
   * @param purpose its purpose, such as {@code internal (vpc0)}
   */
  public record Subnet(String id, String vpcId, String availabilityZone, String purpose) {}

  /**
   * An AMI family: one baked image with its id per region.
   *
   * @param name the image name
   * @param appVersion the {@code appversion} tag, such as {@code fnord-1.2.3-h12.abc}
   * @param baseImageName the base image it was baked on
   * @param amis the AMI id per region
   * @param createdAt when it was created
   */
  public record Image(String name, String appVersion, @Nullable String baseImageName, Map<String, String> amis,
      Instant createdAt) {
    /** Copies. */
    public Image {
      amis = Map.copyOf(amis);
    }
  }

  /**
   * An account's attributes.
   *
   * @param name the account name
   * @param accountId the AWS account id
   * @param defaultKeyPair the default key pair, possibly with a {@code {{region}}} placeholder
   */
  public record Account(String name, String accountId, String defaultKeyPair) {
    /** Checks for nulls. */
    public Account {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultKeyPair, "defaultKeyPair");
    }
  }

  /**
   * A server certificate.
   *
   * @param name the name
   * @param arn the ARN
   */
  public record Certificate(String name, String arn) {}

  /**
   * A base image that applications are baked on, the current one for an operating system and label.
   *
   * @param name the base image name, such as {@code bionicbase-release-2}
   * @param os the operating system, such as {@code bionic}
   * @param label the label, such as {@code release}
   * @param publishedAt when it became current
   */
  public record BaseImage(String name, String os, String label, Instant publishedAt) {
    /** Checks for nulls. */
    public BaseImage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(label, "label");
    }
  }
}
