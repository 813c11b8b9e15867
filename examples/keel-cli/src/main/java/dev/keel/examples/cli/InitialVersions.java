package dev.keel.examples.cli;

import dev.keel.spi.model.ArtifactOriginFilter;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.NpmArtifact;
import javax.annotation.Nullable;

/**
 * The versions the CLI publishes when a scenario does not say which: the first build of each artifact, in
 * the form its sorting strategy expects, so that the engine orders and accepts it like a real build.
 */
final class InitialVersions {

  private InitialVersions() {}

  /**
   * The first version of an artifact.
   *
   * @param artifact the artifact
   * @return a version such as {@code fnord-1.0.0-h1.c0ffee1}, {@code 1.0.0} or {@code main-h1.c0ffee1}
   */
  static String first(DeliveryArtifact artifact) {
    if (artifact instanceof DebianArtifact deb) {
      return deb.name() + "-1.0.0-h1.c0ffee1";
    }
    if (artifact instanceof DockerArtifact docker && docker.tagVersionStrategy() != null) {
      return switch (docker.tagVersionStrategy()) {
        case INCREASING_TAG -> "1";
        case SEMVER_TAG -> "1.0.0";
        case BRANCH_JOB_COMMIT_BY_JOB -> "main-h1.c0ffee1";
        case SEMVER_JOB_COMMIT_BY_SEMVER, SEMVER_JOB_COMMIT_BY_JOB -> "v1.0.0-h1.c0ffee1";
      };
    }
    return "1.0.0";
  }

  /**
   * The branch a version of an artifact is published from: the one its branch filter names, else
   * {@code main}.
   *
   * @param artifact the artifact
   * @return the branch
   */
  static String branch(DeliveryArtifact artifact) {
    ArtifactOriginFilter from = null;
    if (artifact instanceof DebianArtifact deb) {
      from = deb.from();
    } else if (artifact instanceof DockerArtifact docker) {
      from = docker.from();
    } else if (artifact instanceof NpmArtifact npm) {
      from = npm.from();
    }
    return branchOf(from);
  }

  private static String branchOf(@Nullable ArtifactOriginFilter from) {
    if (from == null || from.branch() == null) {
      return "main";
    }
    if (from.branch().name() != null) {
      return from.branch().name();
    }
    if (from.branch().startsWith() != null) {
      return from.branch().startsWith() + "main";
    }
    return "main";
  }

  /**
   * A version as the engine records it: a Debian version gets its package name as a prefix.
   *
   * @param artifact the artifact
   * @param version the version as written
   * @return the recorded version
   */
  static String recorded(DeliveryArtifact artifact, String version) {
    if (artifact instanceof DebianArtifact && !version.startsWith(artifact.name() + "-")) {
      return artifact.name() + "-" + version;
    }
    return version;
  }
}
