#!/usr/bin/env bash
# The one-shot `submit` service of docker/compose.yaml: waits for Kafka and the Flink JobManager (with at least one
# TaskManager), creates the topics, in simulator mode logs in to the simulator through the publisher (as a browser
# would), and submits the TradeSignal cluster job with `flink run -d`, unless a TradeSignal job is already on the
# cluster. Safe to run again at any time (`docker compose up submit`): it never starts a second TradeSignal job.
#
# Environment (docker/compose.yaml passes these through; README, "Run on a cluster with Docker"):
#   TRADESIGNAL_MODE          simulator (default: TradeSignal's own simulated market from the simulator service,
#                             no account) | live (Kite) | replay (TRADESIGNAL_JOB_ARGS says what: --replay.from TIME
#                             [--replay.to TIME] replays the ticks topic, --replay.files PATH,... recorded files)
#   KITE_API_KEY              live mode: the Kite API key. It is public (it is in every login URL); the access token
#                             is read by the job from the token file in /state and never passes through here
#   SIMULATOR_URL (http://simulator:8600), SIMULATOR_API_KEY (sim_api_key), PUBLISHER_URL (http://publisher:8000):
#                             simulator mode; TRADESIGNAL_DASHBOARD_TOKEN[_FILE]: the publisher's access token, if
#                             it has one, for the simulated login
#   TRADESIGNAL_SAVEPOINT     latest (default): resume from the newest savepoint or retained checkpoint in
#                             /savepoints and /checkpoints, unless the mode changed since the last submission
#                             | none: start with empty state | PATH: resume from this savepoint or checkpoint
#   TRADESIGNAL_ALLOW_NON_RESTORED_STATE  true: skip state of operators the job no longer has (flink run -n)
#   TRADESIGNAL_PARALLELISM   the job's parallelism (default: the cluster's parallelism.default)
#   TRADESIGNAL_JOB_ARGS      more arguments for the job, split at spaces (never secrets: they are refused)
#   TRADESIGNAL_LOGIN_WAIT_SECONDS (900): live mode: how long to wait for the Kite login before submitting anyway
#   KAFKA_BOOTSTRAP (kafka:9092), FLINK_JOBMANAGER (jobmanager:8081), TRADESIGNAL_WAIT_SECONDS (300),
#   TRADESIGNAL_POLL_SECONDS (2: how often it asks while waiting)
#   SIGNALS_PARTITIONS, PRICES_PARTITIONS, TICKS_PARTITIONS (3 each), SIGNALS_RETENTION_MS (7 days),
#   PRICES_RETENTION_MS (2 days), TICKS_RETENTION_MS (7 days): used only when a topic is created
set -euo pipefail

readonly JOB_CLASS=com.tradesignal.job.cluster.ClusterJob
readonly JOB_NAME_PREFIX=TradeSignal
# Where the image and the volumes put things (the same paths in every container of the cluster).
readonly JOB_JAR="${TRADESIGNAL_JOB_JAR:-/opt/tradesignal/tradesignal-job.jar}"
readonly STATE_DIR="${TRADESIGNAL_STATE_DIR:-/state}"
readonly MODE_FILE="$STATE_DIR/cluster-job-mode"
read -r -a SNAPSHOT_DIRS <<<"${TRADESIGNAL_SNAPSHOT_DIRS:-/savepoints /checkpoints}"
readonly SNAPSHOT_DIRS

mode="${TRADESIGNAL_MODE:-simulator}"
savepoint="${TRADESIGNAL_SAVEPOINT:-latest}"
parallelism="${TRADESIGNAL_PARALLELISM:-}"
allow_non_restored="${TRADESIGNAL_ALLOW_NON_RESTORED_STATE:-false}"
kafka="${KAFKA_BOOTSTRAP:-kafka:9092}"
jobmanager="${FLINK_JOBMANAGER:-jobmanager:8081}"
wait_seconds="${TRADESIGNAL_WAIT_SECONDS:-300}"
poll_seconds="${TRADESIGNAL_POLL_SECONDS:-2}"
login_wait_seconds="${TRADESIGNAL_LOGIN_WAIT_SECONDS:-900}"

log() { printf 'submit: %s\n' "$*" >&2; }
die() {
  printf 'submit: error: %s\n' "$*" >&2
  exit 1
}
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

# ---- the settings, checked before anything waits
case "$mode" in
  simulator) ;;
  replay)
    [[ " ${TRADESIGNAL_JOB_ARGS:-} " =~ \ --replay\.(from|files)\  ]] ||
      die "replay mode needs TRADESIGNAL_JOB_ARGS with --replay.from TIME (the ticks topic) or --replay.files PATH,..." ;;
  live) [ -n "${KITE_API_KEY:-}" ] || die "live mode needs KITE_API_KEY (the Kite API key; the secret goes to the publisher only)" ;;
  *) die "TRADESIGNAL_MODE must be simulator, live or replay, not '$mode'" ;;
esac
if [ -n "$parallelism" ] && ! is_count "$parallelism"; then
  die "TRADESIGNAL_PARALLELISM must be a positive number, not '$parallelism'"
fi
case "$allow_non_restored" in true | false) ;; *) die "TRADESIGNAL_ALLOW_NON_RESTORED_STATE must be true or false" ;; esac
is_count "$wait_seconds" || die "TRADESIGNAL_WAIT_SECONDS must be a positive number, not '$wait_seconds'"
[[ "$login_wait_seconds" =~ ^[0-9]+$ ]] || die "TRADESIGNAL_LOGIN_WAIT_SECONDS must be a number of seconds, not '$login_wait_seconds'"
read -r -a extra_args <<<"${TRADESIGNAL_JOB_ARGS:-}"
case "${TRADESIGNAL_JOB_ARGS:-}" in
  *[Ss][Ee][Cc][Rr][Ee][Tt]* | *[Tt][Oo][Kk][Ee][Nn]* | *[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]*)
    die "TRADESIGNAL_JOB_ARGS must not carry secrets (job arguments are visible in the Flink UI): the job reads the Kite access token from $STATE_DIR, the API secret stays with the publisher" ;;
esac
[ -f "$JOB_JAR" ] || die "the job jar $JOB_JAR is missing from the image"

# ---- waiting for the cluster
wait_for() { # wait_for WHAT COMMAND...: runs COMMAND every 2 s until it succeeds, for at most wait_seconds
  local what="$1"
  shift
  local deadline=$((SECONDS + wait_seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      die "$what is not ready after ${wait_seconds}s"
    fi
    sleep "$poll_seconds"
  done
  log "$what is ready"
}
kafka_ready() { kafka-broker-api-versions.sh --bootstrap-server "$kafka"; }
taskmanager_registered() { curl -fsS "http://$jobmanager/overview" | grep -Eq '"taskmanagers":[1-9]'; }

wait_for "Kafka at $kafka" kafka_ready
wait_for "the JobManager at $jobmanager with a TaskManager" taskmanager_registered

# ---- the topics (created when missing; an existing topic is left as it is)
create_topic() { # create_topic NAME PARTITIONS RETENTION_MS
  local name="$1" partitions="$2" retention="$3"
  is_count "$partitions" || die "the partition count of topic $name must be a positive number, not '$partitions'"
  [[ "$retention" =~ ^(-1|[1-9][0-9]*)$ ]] || die "the retention of topic $name must be milliseconds or -1, not '$retention'"
  kafka-topics.sh --bootstrap-server "$kafka" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 \
    --config "retention.ms=$retention" --config cleanup.policy=delete >/dev/null
  log "$(kafka-topics.sh --bootstrap-server "$kafka" --describe --topic "$name" | head -n 1 | tr -s '\t' ' ')"
}
day_ms=86400000
create_topic signals "${SIGNALS_PARTITIONS:-3}" "${SIGNALS_RETENTION_MS:-$((7 * day_ms))}"
create_topic prices "${PRICES_PARTITIONS:-3}" "${PRICES_RETENTION_MS:-$((2 * day_ms))}"
create_topic ticks "${TICKS_PARTITIONS:-3}" "${TICKS_RETENTION_MS:-$((7 * day_ms))}"

# ---- the Kite session: simulator mode logs in to the simulator by itself; live mode needs a person
simulator_url="${SIMULATOR_URL:-http://simulator:8600}"
publisher_url="${PUBLISHER_URL:-http://publisher:8000}"
token_file="$STATE_DIR/access-token.json"
session_valid() { # a stored Kite session that has not expired (expires_at: epoch milliseconds)
  local expires
  [ -r "$token_file" ] || return 1
  expires="$(grep -o '"expires_at":[0-9]*' "$token_file" | head -n 1 | cut -d : -f 2)" || return 1
  [ -n "$expires" ] && [ "$expires" -gt "$(date +%s%3N)" ]
}
http_answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ]; }
dashboard_token() { # the publisher's access token, if it has one
  if [ -n "${TRADESIGNAL_DASHBOARD_TOKEN_FILE:-}" ]; then
    head -n 1 "$TRADESIGNAL_DASHBOARD_TOKEN_FILE" | tr -d '\r\n'
  else
    printf '%s' "${TRADESIGNAL_DASHBOARD_TOKEN:-}"
  fi
}
simulated_login() { # publisher /api/auth/login -> simulator /connect/login -> publisher /api/auth/callback
  local token
  token="$(dashboard_token)"
  # curl reads its options from stdin (-K -), so that the token is never on a command line.
  {
    if [ -n "$token" ]; then printf 'header = "Authorization: Bearer %s"\n' "$token"; fi
    printf 'url = "%s/api/auth/login"\n' "$publisher_url"
  } | curl -fsSL -o /dev/null -K -
}
case "$mode" in
  simulator)
    wait_for "the simulator at $simulator_url" http_answers "$simulator_url/"
    wait_for "the publisher at $publisher_url" curl -fsS -o /dev/null "$publisher_url/health"
    simulated_login || die "the simulated login through $publisher_url/api/auth/login failed (docker compose logs publisher simulator)"
    [ -f "$token_file" ] || die "the simulated login did not store $token_file"
    log "logged in to the simulator through the publisher (SIMULATED session stored in $token_file)"
    ;;
  live)
    # The job loads the day's instruments when it starts (here, in flink run), with the stored session: without one
    # the futures are mapped to their index only at its next start. So wait a while for the login.
    if ! session_valid; then
      log "no valid Kite session stored: log in at http://${PUBLISHER_ADDRESS:-127.0.0.1:8000}/api/auth/login"
      log "(waiting up to ${login_wait_seconds}s for it, TRADESIGNAL_LOGIN_WAIT_SECONDS, so the job starts with the day's instruments)"
      login_deadline=$((SECONDS + login_wait_seconds))
      until session_valid || ((SECONDS >= login_deadline)); do sleep "$poll_seconds"; done
      if session_valid; then
        log "Kite session found"
      else
        log "still no Kite session: submitting anyway; the feed waits for the login, and the job maps the futures"
        log "to their index at its next start after it"
      fi
    fi
    ;;
esac

# ---- a TradeSignal job already there? (`flink list` shows every job that has not finished, failed or been cancelled)
listing="$(flink list -m "$jobmanager" 2>&1)" || die "cannot list the jobs on $jobmanager: $listing"
existing="$(grep -E "^[0-9.]+ [0-9:]+ : [0-9a-f]{32} : $JOB_NAME_PREFIX" <<<"$listing" || true)"
if [ -n "$existing" ]; then
  log "a TradeSignal job is already on the cluster, not submitting another:"
  printf '  %s\n' "$existing" >&2
  log "(to restart it: stop it with a savepoint, then run this again; README, \"Run on a cluster with Docker\")"
  exit 0
fi

# ---- where to resume from
local_path() { # a savepoint path as Flink prints it (file:/x, file:///x or /x) as a path in this container
  local p="$1"
  p="${p#file://}"
  p="${p#file:}"
  printf '%s' "$p"
}
newest_snapshot() { # the directory of the newest _metadata under /savepoints and /checkpoints, if any
  local dirs=() d
  for d in "${SNAPSHOT_DIRS[@]}"; do
    if [ -d "$d" ]; then dirs+=("$d"); fi
  done
  if [ "${#dirs[@]}" -eq 0 ]; then return 0; fi
  { find "${dirs[@]}" -name _metadata -type f -printf '%T@ %h\n' 2>/dev/null || true; } | sort -n | tail -n 1 | cut -d ' ' -f 2-
}
restore=""
case "$savepoint" in
  none) log "starting with empty state (TRADESIGNAL_SAVEPOINT=none)" ;;
  latest)
    last_mode=""
    if [ -r "$MODE_FILE" ]; then last_mode="$(head -n 1 "$MODE_FILE")"; fi
    if [ -n "$last_mode" ] && [ "$last_mode" != "$mode" ]; then
      log "the last job ran in $last_mode mode, this one runs in $mode mode: starting with empty state, so that no"
      log "state of one mode carries into the other (set TRADESIGNAL_SAVEPOINT=PATH to resume from one anyway)"
    else
      restore="$(newest_snapshot)"
      if [ -n "$restore" ]; then
        log "resuming from the newest savepoint or retained checkpoint: $restore"
      else
        log "no savepoint or retained checkpoint yet: starting with empty state"
      fi
    fi
    ;;
  *)
    path="$(local_path "$savepoint")"
    if [ -f "$path" ] && [ "$(basename "$path")" = _metadata ]; then path="$(dirname "$path")"; fi
    [ -f "$path/_metadata" ] || die "TRADESIGNAL_SAVEPOINT=$savepoint: no savepoint there (no $path/_metadata; the volumes are at /savepoints and /checkpoints)"
    restore="$path"
    log "resuming from $restore"
    ;;
esac

# ---- submit
args=(run -m "$jobmanager" -d -c "$JOB_CLASS")
if [ -n "$parallelism" ]; then args+=(-p "$parallelism"); fi
if [ -n "$restore" ]; then args+=(-s "$restore"); fi
if [ "$allow_non_restored" = true ]; then args+=(-n); fi
args+=("$JOB_JAR" --mode "$mode" --kafka.bootstrap "$kafka" --state.dir "$STATE_DIR")
case "$mode" in
  live) args+=(--kite.api-key "$KITE_API_KEY") ;;
  simulator) args+=(--kite.api-key "${SIMULATOR_API_KEY:-sim_api_key}" --kite.url "$simulator_url" --kite.market-clock from-simulator) ;;
esac
args+=("${extra_args[@]}")

log "flink ${args[*]}"
output="$(flink "${args[@]}" 2>&1)" || {
  printf '%s\n' "$output" >&2
  die "flink run failed (above)"
}
printf '%s\n' "$output" >&2
job_id="$(grep -Eo 'JobID [0-9a-f]{32}' <<<"$output" | tail -n 1 | cut -d ' ' -f 2 || true)"
[ -n "$job_id" ] || die "flink run did not print a JobID"
if ! printf '%s\n' "$mode" >"$MODE_FILE"; then
  log "warning: cannot record the mode in $MODE_FILE"
fi

# ---- report how it started: RUNNING, or the reason it failed
job_state() { curl -fsS "http://$jobmanager/jobs/$job_id" | grep -Eo '"state":"[A-Z_]+"' | head -n 1 | cut -d '"' -f 4; }
deadline=$((SECONDS + ${TRADESIGNAL_START_SECONDS:-120}))
state=""
while ((SECONDS < deadline)); do
  state="$(job_state || true)"
  case "$state" in
    RUNNING)
      log "job $job_id is RUNNING ($mode mode); Flink UI: http://${FLINK_UI_ADDRESS:-127.0.0.1:8081}/#/job/running/$job_id/overview"
      exit 0
      ;;
    FAILED | CANCELED | FINISHED)
      curl -fsS "http://$jobmanager/jobs/$job_id/exceptions" >&2 || true
      echo >&2
      die "job $job_id is $state"
      ;;
  esac
  sleep "$poll_seconds"
done
log "job $job_id was submitted and is ${state:-not reported yet}; follow it with: docker compose logs -f jobmanager taskmanager"
