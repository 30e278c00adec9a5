#!/usr/bin/env bash
# The test command: installs what the tests need that Maven cannot fetch (Debian's chromium for the real-browser
# test; shellcheck and PyYAML for the docker/ checks), checks docker/ without an engine, then builds and runs every
# test. Kafka and the Flink cluster come from Maven jars; Node is expected on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian's packages" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: $tool is not on the PATH (Node 18+ builds the dashboard)" >&2; exit 2; }
done

bash docker/check.sh
mvn -B -ntp clean verify "$@"
