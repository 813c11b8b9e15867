#!/usr/bin/env bash
# Builds (tests skipped) and starts the example Spinnaker-like service from the repository's root.
# Arguments go to Spring Boot, such as --spring.profiles.active=postgres.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -Dmaven.test.skip=true package -pl examples/spinnaker-host -am
exec java ${JAVA_OPTS:-} -jar examples/spinnaker-host/target/spinnaker-host.jar "$@"
