#!/usr/bin/env bash
# The simulator container of docker/compose.yaml (publisher image): in simulator mode, TradeSignal's Kite-protocol
# simulator (`tradesignal simulate`: the binary WebSocket ticker and the REST endpoints, a generated market, every
# price SIMULATED), which the job's Kite source connects to instead of Kite. In any other mode it is not needed and
# exits at once (compose restarts it only on failure).
#
# Environment: TRADESIGNAL_MODE (simulator by default), SIMULATOR_PORT (8600), SIMULATOR_REDIRECT_URL (the
# publisher's login callback, where the simulated login sends its request token), SIMULATOR_ARGS (more options of
# `tradesignal simulate`, e.g. "--speed 1 --ticks-per-second 2").
set -euo pipefail

mode="${TRADESIGNAL_MODE:-simulator}"
if [ "$mode" != simulator ]; then
  printf 'simulator: not needed in %s mode; exiting\n' "$mode" >&2
  exit 0
fi

read -r -a extra <<<"${SIMULATOR_ARGS:-}"
exec tradesignal simulate --host 0.0.0.0 --port "${SIMULATOR_PORT:-8600}" \
  --redirect-url "${SIMULATOR_REDIRECT_URL:-http://publisher:8000/api/auth/callback}" "${extra[@]}" "$@"
