#!/usr/bin/env bash
# The publisher container of docker/compose.yaml: `tradesignal publisher` in cluster mode, reading the job's topics
# from Kafka, with the Kite login and the token store in /state (shared with the TaskManagers).
#
# Environment (docker/compose.yaml and docker/compose.secrets.yaml set these):
#   TRADESIGNAL_MODE                   simulator (default): log in to the simulator service (SIMULATOR_URL, its own
#                                      SIMULATOR_API_KEY and SIMULATOR_API_SECRET) | live: log in to Kite | replay
#   KAFKA_BOOTSTRAP                    the brokers (default kafka:9092)
#   KITE_API_KEY, KITE_API_SECRET      live mode: the Kite login (without both the login is off)
#   KITE_API_SECRET_FILE               or the secret in a file (a compose secret); it wins over KITE_API_SECRET
#   TRADESIGNAL_DASHBOARD_TOKEN        the dashboard's access token, or
#   TRADESIGNAL_DASHBOARD_TOKEN_FILE   the token in a file (a compose secret); it wins over the variable
#   PUBLISHER_BIND, PUBLISHER_PORT     where compose publishes port 8000 on the host (for the messages, and to refuse
#                                      a publisher published beyond localhost without an access token)
# Extra arguments are passed on to `tradesignal publisher`.
set -euo pipefail

die() {
  printf 'publisher: %s\n' "$*" >&2
  exit 2
}

kafka="${KAFKA_BOOTSTRAP:-kafka:9092}"
bind="${PUBLISHER_BIND:-127.0.0.1}"
port="${PUBLISHER_PORT:-8000}"
state_dir="${TRADESIGNAL_STATE_DIR:-/state}"

if [ ! -d "$state_dir" ] || [ ! -w "$state_dir" ]; then
  die "the state directory $state_dir is missing or not writable by uid $(id -u)"
fi

if [ -n "${KITE_API_SECRET_FILE:-}" ]; then
  [ -r "$KITE_API_SECRET_FILE" ] || die "cannot read KITE_API_SECRET_FILE=$KITE_API_SECRET_FILE (it must be readable by uid $(id -u))"
  KITE_API_SECRET="$(head -n 1 "$KITE_API_SECRET_FILE" | tr -d '\r\n')"
  export KITE_API_SECRET
fi

args=(publisher --kafka "$kafka" --host 0.0.0.0 --port 8000 --state-dir "$state_dir")
mode="${TRADESIGNAL_MODE:-simulator}"
if [ "$mode" = simulator ]; then
  # The simulator's own key and secret (not an account's): the submit service logs in through this publisher.
  KITE_API_KEY="${SIMULATOR_API_KEY:-sim_api_key}"
  KITE_API_SECRET="${SIMULATOR_API_SECRET:-sim_api_secret}"
  export KITE_API_KEY KITE_API_SECRET
  args+=(--kite-url "${SIMULATOR_URL:-http://simulator:8600}")
fi
if [ -n "${TRADESIGNAL_DASHBOARD_TOKEN_FILE:-}" ]; then
  [ -r "$TRADESIGNAL_DASHBOARD_TOKEN_FILE" ] || die "cannot read TRADESIGNAL_DASHBOARD_TOKEN_FILE=$TRADESIGNAL_DASHBOARD_TOKEN_FILE (it must be readable by uid $(id -u))"
  [ -s "$TRADESIGNAL_DASHBOARD_TOKEN_FILE" ] || die "the dashboard token file $TRADESIGNAL_DASHBOARD_TOKEN_FILE is empty"
  args+=(--access-token-file "$TRADESIGNAL_DASHBOARD_TOKEN_FILE")
  unset TRADESIGNAL_DASHBOARD_TOKEN
elif [ -z "${TRADESIGNAL_DASHBOARD_TOKEN:-}" ]; then
  unset TRADESIGNAL_DASHBOARD_TOKEN
  case "$bind" in
    127.0.0.1 | localhost | ::1 | '[::1]') ;;
    *) die "port 8000 is published on $bind, beyond localhost, without an access token: set TRADESIGNAL_DASHBOARD_TOKEN or use docker/compose.secrets.yaml" ;;
  esac
fi

if [ "$mode" = simulator ]; then
  login="; SIMULATED market from ${SIMULATOR_URL:-http://simulator:8600} (the submit service logs in to it)"
elif [ -n "${KITE_API_KEY:-}" ] && [ -n "${KITE_API_SECRET:-}" ]; then
  login="; Kite login: http://$bind:$port/api/auth/login"
else
  login="; Kite login off (KITE_API_KEY and KITE_API_SECRET are not both set)"
fi
printf 'publisher: dashboard on http://%s:%s/ from Kafka at %s%s\n' "$bind" "$port" "$kafka" "$login" >&2

export TRADESIGNAL_LOG4J_CONFIG="${TRADESIGNAL_LOG4J_CONFIG:-/opt/tradesignal/log4j2-publisher.properties}"
exec tradesignal "${args[@]}" "$@"
