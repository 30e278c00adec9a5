#!/usr/bin/env bash
# Runs the entrypoint scripts of docker/ against stand-ins for flink, the Kafka tools, curl and the tradesignal
# command, so their decisions are tested without Docker, Flink or Kafka: what submit-job.sh submits and when it
# submits nothing, where it resumes from, what it refuses; what the publisher and simulator entrypoints start.
#   bash docker/test-entrypoints.sh        (docker/check.sh runs it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# ---- stand-ins: each records its arguments in $work/calls and answers from files in $work
mkdir -p "$work/bin"
cat >"$work/bin/flink" <<'EOF'
#!/usr/bin/env bash
echo "flink $*" >>"$STUB/calls"
case "$1" in
  list) cat "$STUB/flink-list" 2>/dev/null || echo "No running jobs." ;;
  run)
    if [ -f "$STUB/flink-run-fails" ]; then echo "org.apache.flink.client.program.ProgramInvocationException: boom"; exit 1; fi
    echo "Job has been submitted with JobID 0123456789abcdef0123456789abcdef" ;;
esac
EOF
cat >"$work/bin/kafka-topics.sh" <<'EOF'
#!/usr/bin/env bash
echo "kafka-topics.sh $*" >>"$STUB/calls"
case " $* " in *" --describe "*) printf 'Topic: x\tPartitionCount: 3\n' ;; esac
EOF
cat >"$work/bin/kafka-broker-api-versions.sh" <<'EOF'
#!/usr/bin/env bash
echo "kafka-broker-api-versions.sh $*" >>"$STUB/calls"
EOF
cat >"$work/bin/curl" <<'EOF'
#!/usr/bin/env bash
# Finds the URL among the arguments or in a config read from stdin (-K -), answers like the services would.
url="" config=""
for a in "$@"; do case "$a" in http://*) url="$a" ;; esac; done
if [ "${*: -1}" = "-" ]; then
  config="$(cat)"
  url="$(sed -n 's/^url = "\(.*\)"$/\1/p' <<<"$config")"
fi
echo "curl $url${config:+ [config: $(grep -c header <<<"$config") header(s)$(grep -o 'Bearer [^"]*' <<<"$config" | sed 's/^/ /')]}" >>"$STUB/calls"
case "$url" in
  */overview) echo '{"taskmanagers":1,"slots-total":2}' ;;
  */jobs/*/exceptions) echo '{"root-exception":"boom"}' ;;
  */jobs/*) echo "{\"jid\":\"x\",\"state\":\"$(cat "$STUB/job-state" 2>/dev/null || echo RUNNING)\",\"vertices\":[{\"status\":\"CREATED\"}]}" ;;
  */health) echo '{"status":"UP"}' ;;
  */api/auth/login) echo '{}' >"$STUB/state/access-token.json" ;;
  http://simulator:8600/) printf 404 ;;
  *) exit 7 ;;
esac
EOF
cat >"$work/bin/tradesignal" <<'EOF'
#!/usr/bin/env bash
echo "tradesignal $* | KITE_API_KEY=${KITE_API_KEY:-} KITE_API_SECRET=${KITE_API_SECRET:-} TOKEN=${TRADESIGNAL_DASHBOARD_TOKEN-unset}" >>"$STUB/calls"
EOF
chmod +x "$work/bin"/*

# ---- a fresh sandbox per case: state, checkpoint and savepoint directories, no calls yet
reset() {
  rm -rf "$work/state" "$work/ck" "$work/sp" "$work/calls" "$work/flink-list" "$work/flink-run-fails" "$work/job-state"
  mkdir -p "$work/state" "$work/ck" "$work/sp"
  : >"$work/calls"
}
valid_session() { # a stored session that expires in an hour, as the publisher's login writes it
  printf '{"api_key":"k","user_id":"AB1234","access_token":"t","issued_at":1,"expires_at":%s}' \
    "$((($(date +%s) + 3600) * 1000))" >"$work/state/access-token.json"
}
snapshot() { # snapshot DIR AGE_SECONDS: a savepoint or checkpoint directory with its _metadata
  mkdir -p "$1"
  touch -d "@$(($(date +%s) - $2))" "$1/_metadata"
}
run_submit() { # run_submit VAR=VALUE...: submit-job.sh with the sandbox's paths; output in $work/out, status in $rc
  rc=0
  env -i PATH="$work/bin:/usr/bin:/bin" STUB="$work" TRADESIGNAL_STATE_DIR="$work/state" \
    TRADESIGNAL_SNAPSHOT_DIRS="$work/sp $work/ck" TRADESIGNAL_JOB_JAR="$here/submit-job.sh" \
    TRADESIGNAL_POLL_SECONDS=0 TRADESIGNAL_WAIT_SECONDS=5 TRADESIGNAL_START_SECONDS=2 "$@" \
    bash "$here/submit-job.sh" >"$work/out" 2>&1 || rc=$?
}
run_entry() { # run_entry SCRIPT VAR=VALUE...
  local script="$1"
  shift
  rc=0
  env -i PATH="$work/bin:/usr/bin:/bin" STUB="$work" TRADESIGNAL_STATE_DIR="$work/state" "$@" \
    bash "$here/$script" >"$work/out" 2>&1 || rc=$?
}

# ---- assertions: each case ends with one pass or fail line
case_name=""
problems=()
start() {
  case_name="$1"
  problems=()
  reset
}
expect_rc() { [ "$rc" = "$1" ] || problems+=("exit status $rc, expected $1"); }
expect_call() { grep -qF -- "$1" "$work/calls" || problems+=("no call with: $1"); }
expect_no_call() { if grep -qF -- "$1" "$work/calls"; then problems+=("an unexpected call with: $1"); fi; }
expect_out() { grep -qF -- "$1" "$work/out" || problems+=("output lacks: $1"); }
finish() {
  if [ "${#problems[@]}" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok   $case_name"
  else
    failed=$((failed + 1))
    echo "FAIL $case_name"
    printf '       %s\n' "${problems[@]}"
    sed 's/^/       | /' "$work/out"
    sed 's/^/       calls: /' "$work/calls"
  fi
}

# ---- submit-job.sh
start "submit: simulator mode from scratch creates the topics, logs in, submits with the simulator's key and URL"
run_submit
expect_rc 0
expect_call "kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic signals --partitions 3 --replication-factor 1 --config retention.ms=604800000"
expect_call "--topic prices --partitions 3 --replication-factor 1 --config retention.ms=172800000"
expect_call "--topic ticks --partitions 3"
expect_call "curl http://publisher:8000/api/auth/login [config: 0 header(s)]"
expect_call "flink run -m jobmanager:8081 -d -c com.tradesignal.job.cluster.ClusterJob $here/submit-job.sh --mode simulator --kafka.bootstrap kafka:9092 --state.dir $work/state --kite.api-key sim_api_key --kite.url http://simulator:8600 --kite.market-clock from-simulator"
expect_no_call " -s "
expect_out "job 0123456789abcdef0123456789abcdef is RUNNING (simulator mode)"
[ "$(cat "$work/state/cluster-job-mode" 2>/dev/null)" = simulator ] || problems+=("the mode was not recorded")
finish

start "submit: a TradeSignal job already on the cluster: nothing is submitted (idempotent)"
echo "01.12.2026 09:00:00 : 0123456789abcdef0123456789abcdef : TradeSignal simulator (RUNNING)" >"$work/flink-list"
run_submit
expect_rc 0
expect_no_call "flink run"
expect_out "already on the cluster"
finish

start "submit: another job on the cluster does not count"
echo "01.12.2026 09:00:00 : 0123456789abcdef0123456789abcdef : Some other job (RUNNING)" >"$work/flink-list"
run_submit
expect_rc 0
expect_call "flink run"
finish

start "submit: TRADESIGNAL_SAVEPOINT=latest resumes from the newest savepoint or retained checkpoint"
snapshot "$work/ck/aaaa/chk-7" 300
snapshot "$work/sp/savepoint-0a1b2c-123456" 60
snapshot "$work/ck/bbbb/chk-3" 600
echo simulator >"$work/state/cluster-job-mode"
run_submit
expect_rc 0
expect_call "-s $work/sp/savepoint-0a1b2c-123456 $here/submit-job.sh"
finish

start "submit: latest, but the mode changed since the last job: empty state, no savepoint"
snapshot "$work/ck/aaaa/chk-7" 300
echo simulator >"$work/state/cluster-job-mode"
valid_session
run_submit TRADESIGNAL_MODE=live KITE_API_KEY=abc123
expect_rc 0
expect_no_call " -s "
expect_call "--mode live --kafka.bootstrap kafka:9092 --state.dir $work/state --kite.api-key abc123"
expect_no_call "--kite.url"
expect_no_call "api/auth/login"
expect_out "starting with empty state"
if grep -q "log in at" "$work/out"; then problems+=("asked for a login although a valid session is stored"); fi
[ "$(cat "$work/state/cluster-job-mode")" = live ] || problems+=("the new mode was not recorded")
finish

start "submit: live mode without a valid session asks for the login, waits for it, then submits anyway"
printf '{"expires_at":%s}' "$((($(date +%s) - 60) * 1000))" >"$work/state/access-token.json"
run_submit TRADESIGNAL_MODE=live KITE_API_KEY=abc123 PUBLISHER_ADDRESS=127.0.0.1:8000 TRADESIGNAL_LOGIN_WAIT_SECONDS=1
expect_rc 0
expect_out "log in at http://127.0.0.1:8000/api/auth/login"
expect_out "still no Kite session: submitting anyway"
expect_call "flink run"
finish

start "submit: live mode picks up a login that happens while it waits"
( sleep 1; valid_session ) &
run_submit TRADESIGNAL_MODE=live KITE_API_KEY=abc123 TRADESIGNAL_LOGIN_WAIT_SECONDS=20 TRADESIGNAL_POLL_SECONDS=0.2
wait
expect_rc 0
expect_out "Kite session found"
expect_call "flink run"
finish

start "submit: an explicit savepoint as flink stop prints it (file:/...)"
snapshot "$work/sp/savepoint-0a1b2c-123456" 60
run_submit TRADESIGNAL_SAVEPOINT="file:$work/sp/savepoint-0a1b2c-123456" TRADESIGNAL_ALLOW_NON_RESTORED_STATE=true TRADESIGNAL_PARALLELISM=4
expect_rc 0
expect_call "flink run -m jobmanager:8081 -d -c com.tradesignal.job.cluster.ClusterJob -p 4 -s $work/sp/savepoint-0a1b2c-123456 -n "
finish

start "submit: TRADESIGNAL_SAVEPOINT=none starts empty although there are snapshots"
snapshot "$work/ck/aaaa/chk-7" 300
run_submit TRADESIGNAL_SAVEPOINT=none
expect_rc 0
expect_no_call " -s "
finish

start "submit: a savepoint that is not there stops before submitting"
run_submit TRADESIGNAL_SAVEPOINT="$work/sp/savepoint-missing"
expect_rc 1
expect_no_call "flink run"
expect_out "no savepoint there"
finish

start "submit: secrets in job arguments are refused"
run_submit TRADESIGNAL_JOB_ARGS="--kite.api-secret xyz"
expect_rc 1
expect_no_call "flink"
expect_out "must not carry secrets"
finish

start "submit: live mode without KITE_API_KEY, a bad mode, a bad parallelism are refused up front"
run_submit TRADESIGNAL_MODE=live
expect_rc 1
expect_out "live mode needs KITE_API_KEY"
run_submit TRADESIGNAL_MODE=paper
expect_rc 1
expect_out "must be simulator, live or replay"
run_submit TRADESIGNAL_PARALLELISM=two
expect_rc 1
expect_out "TRADESIGNAL_PARALLELISM must be a positive number"
expect_no_call "flink"
finish

start "submit: replay mode needs to be told what to replay, then passes it on without Kite arguments"
run_submit TRADESIGNAL_MODE=replay
expect_rc 1
expect_out "replay mode needs TRADESIGNAL_JOB_ARGS"
run_submit TRADESIGNAL_MODE=replay TRADESIGNAL_JOB_ARGS="--replay.from 2026-11-27T09:00+05:30 --replay.to 2026-11-27T15:30+05:30"
expect_rc 0
expect_call "--mode replay --kafka.bootstrap kafka:9092 --state.dir $work/state --replay.from 2026-11-27T09:00+05:30 --replay.to 2026-11-27T15:30+05:30"
expect_no_call "--kite."
finish

start "submit: the simulated login carries the dashboard token in curl's config, not on its command line"
run_submit TRADESIGNAL_DASHBOARD_TOKEN=s3cr3t-dashboard
expect_rc 0
expect_call "curl http://publisher:8000/api/auth/login [config: 1 header(s) Bearer s3cr3t-dashboard]"
finish

start "submit: flink run failing, or the job failing at once, is an error"
touch "$work/flink-run-fails"
run_submit
expect_rc 1
expect_out "flink run failed"
rm -f "$work/flink-run-fails"
echo FAILED >"$work/job-state"
run_submit
expect_rc 1
expect_out "is FAILED"
finish

# ---- publisher-entrypoint.sh
start "publisher: simulator mode logs in to the simulator with its own key and secret"
run_entry publisher-entrypoint.sh
expect_rc 0
expect_call "tradesignal publisher --kafka kafka:9092 --host 0.0.0.0 --port 8000 --state-dir $work/state --kite-url http://simulator:8600 | KITE_API_KEY=sim_api_key KITE_API_SECRET=sim_api_secret TOKEN=unset"
finish

start "publisher: live mode takes the Kite secret from its file and the dashboard token from its file"
printf 'live-secret\n' >"$work/kite_api_secret"
printf 'dash-token\n' >"$work/dashboard_token"
run_entry publisher-entrypoint.sh TRADESIGNAL_MODE=live KITE_API_KEY=abc123 KITE_API_SECRET_FILE="$work/kite_api_secret" \
  TRADESIGNAL_DASHBOARD_TOKEN_FILE="$work/dashboard_token"
expect_rc 0
expect_call "tradesignal publisher --kafka kafka:9092 --host 0.0.0.0 --port 8000 --state-dir $work/state --access-token-file $work/dashboard_token | KITE_API_KEY=abc123 KITE_API_SECRET=live-secret TOKEN=unset"
expect_no_call "--kite-url"
expect_out "Kite login: http://127.0.0.1:8000/api/auth/login"
finish

start "publisher: published beyond localhost it needs an access token"
run_entry publisher-entrypoint.sh PUBLISHER_BIND=0.0.0.0
expect_rc 2
expect_out "beyond localhost, without an access token"
expect_no_call "tradesignal"
run_entry publisher-entrypoint.sh PUBLISHER_BIND=0.0.0.0 TRADESIGNAL_DASHBOARD_TOKEN=t0k3n
expect_rc 0
expect_call "TOKEN=t0k3n"
finish

start "publisher: an unwritable state directory is refused"
run_entry publisher-entrypoint.sh TRADESIGNAL_STATE_DIR="$work/nowhere"
expect_rc 2
expect_out "the state directory $work/nowhere is missing or not writable"
finish

# ---- simulator-entrypoint.sh
start "simulator: runs tradesignal simulate in simulator mode, exits at once otherwise"
run_entry simulator-entrypoint.sh SIMULATOR_ARGS="--speed 2"
expect_rc 0
expect_call "tradesignal simulate --host 0.0.0.0 --port 8600 --redirect-url http://publisher:8000/api/auth/callback --speed 2"
: >"$work/calls"
run_entry simulator-entrypoint.sh TRADESIGNAL_MODE=live
expect_rc 0
expect_no_call "tradesignal"
expect_out "not needed in live mode"
finish

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
