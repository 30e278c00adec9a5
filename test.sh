#!/usr/bin/env bash
# The test command: installs what the tests need that Maven cannot fetch (Debian's chromium for the real-browser test),
# then builds and runs every test. Kafka and the Flink cluster come from Maven jars; Node is expected on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "test.sh: installing Debian's chromium for the dashboard's browser test" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: $tool is not on the PATH (Node 18+ builds the dashboard)" >&2; exit 2; }
done

mvn -B -ntp clean verify "$@"
