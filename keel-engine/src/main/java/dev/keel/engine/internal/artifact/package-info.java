/**
 * Internal: not API; may change without notice. Artifact versions: which published versions an artifact accepts,
 * how they are normalised, and the orders they sort in (Debian, Docker tag strategies, semver, created-at).
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.artifact;

import javax.annotation.ParametersAreNonnullByDefault;
