#!/usr/bin/env bash
# Checks docker/ without a Docker engine, and exits non-zero on any problem, naming the file:
#   1. docker/check.py: the compose files parse and have the services, volumes, health checks, dependencies, ports
#      and Kafka/Flink settings the cluster needs; every file the Dockerfiles COPY exists in the repository (and is
#      not left out by their .dockerignore) or is made by the build stage's `mvn package`; every Maven module gets
#      into the build; the image versions match pom.xml; the image's launcher matches ./tradesignal
#   2. the shell scripts: bash, `set -euo pipefail`, executable, and clean under shellcheck
#   3. docker/test-entrypoints.sh: the entrypoint scripts' decisions, against stand-ins for flink, Kafka and curl
#   4. `docker compose config` (the real loader, which needs no engine), when the compose plugin is installed
# Needs python3 with PyYAML (Debian: python3-yaml) and shellcheck (Debian: shellcheck).
#   bash docker/check.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
problems=()

section() { printf '\n== %s\n' "$*"; }
problem() {
  printf 'FAIL %s\n' "$*"
  problems+=("$*")
}

section "compose files, Dockerfiles and their ignore files (docker/check.py)"
if ! command -v python3 >/dev/null 2>&1; then
  problem "docker/check.py: python3 is missing"
elif ! python3 -c 'import yaml' >/dev/null 2>&1; then
  problem "docker/check.py: PyYAML is missing (Debian: apt-get install -y python3-yaml)"
elif ! python3 "$here/check.py" "$root"; then
  problems+=("docker/check.py: see the FAIL lines above")
fi

section "shell scripts"
scripts=("$here"/*.sh)
for script in "${scripts[@]}"; do
  rel="docker/$(basename "$script")"
  [ "$(head -n 1 "$script")" = '#!/usr/bin/env bash' ] || problem "$rel: does not start with #!/usr/bin/env bash"
  grep -qx 'set -euo pipefail' "$script" || problem "$rel: has no 'set -euo pipefail' line"
  [ -x "$script" ] || problem "$rel: is not executable (chmod +x $rel)"
done
if ! command -v shellcheck >/dev/null 2>&1; then
  problem "docker/*.sh: shellcheck is missing (Debian: apt-get install -y shellcheck)"
elif (cd "$root" && shellcheck -x "${scripts[@]#"$root"/}"); then
  printf 'ok   shellcheck %s: clean\n' "$(shellcheck --version | sed -n 's/^version: //p')"
  printf 'ok   %s\n' "${scripts[@]#"$root"/}"
else
  problem "docker/*.sh: shellcheck found the problems above"
fi

section "entrypoint scripts against stand-ins (docker/test-entrypoints.sh)"
bash "$here/test-entrypoints.sh" || problem "docker/test-entrypoints.sh: a case failed (above)"

section "the compose loader (docker compose config)"
secrets="$(mktemp -d)"
trap 'rm -rf "$secrets"' EXIT
touch "$secrets/kite_api_secret" "$secrets/dashboard_token"
if docker compose version >/dev/null 2>&1; then
  if (cd "$root" && docker compose -f docker/compose.yaml config --quiet); then
    echo "ok   docker/compose.yaml: docker compose config accepts it"
  else
    problem "docker/compose.yaml: docker compose config refuses it (above)"
  fi
  if (cd "$root" && TRADESIGNAL_SECRETS_DIR="$secrets" docker compose -f docker/compose.yaml -f docker/compose.secrets.yaml config --quiet); then
    echo "ok   docker/compose.secrets.yaml: docker compose config accepts it over docker/compose.yaml"
  else
    problem "docker/compose.secrets.yaml: docker compose config refuses it over docker/compose.yaml (above)"
  fi
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -q '^1\.'; then
  # Compose v1 predates the top-level `name:`; it checks the rest with its own loader.
  sed '/^name: /d' "$here/compose.yaml" >"$secrets/compose.yaml"
  if docker-compose --project-directory "$here" -f "$secrets/compose.yaml" config --quiet &&
    TRADESIGNAL_SECRETS_DIR="$secrets" docker-compose --project-directory "$here" -f "$secrets/compose.yaml" \
      -f "$here/compose.secrets.yaml" config --quiet; then
    echo "ok   docker/compose.yaml, docker/compose.secrets.yaml: docker-compose $(docker-compose version --short) accepts them (all but the top-level name:, which v1 does not know)"
  else
    problem "docker/compose.yaml: docker-compose $(docker-compose version --short) refuses it (above)"
  fi
else
  echo "note no docker compose plugin here: the loader check is skipped (docker/check.py checked the files)"
fi

echo
if [ "${#problems[@]}" -gt 0 ]; then
  printf 'docker/check.sh: %d problem(s):\n' "${#problems[@]}"
  printf '  %s\n' "${problems[@]}"
  exit 1
fi
echo "docker/check.sh: all checks passed"
