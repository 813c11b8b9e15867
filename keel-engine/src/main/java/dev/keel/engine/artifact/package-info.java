/**
 * Artifact versions: which published versions an artifact accepts, how they are normalised, and the
 * orders they sort in (Debian, Docker tag strategies and capture groups, semver, created-at).
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.artifact;

import javax.annotation.ParametersAreNonnullByDefault;
