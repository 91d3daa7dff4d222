#!/usr/bin/env bash
# A local, headless Label Studio server for development, tests and CI.
#
#   scripts/labelstudio.sh install                       # .venv-labelstudio with label-studio==1.23.2
#   scripts/labelstudio.sh start DATA_DIR [PORT]         # prints LABEL_STUDIO_URL=... LABEL_STUDIO_API_KEY=...
#   scripts/labelstudio.sh add-user DATA_DIR EMAIL TOKEN # another user (annotator) with a known legacy token
#   scripts/labelstudio.sh stop DATA_DIR                 # stops the server started on DATA_DIR, by its PID
#
# The server lives in its own virtualenv: label-studio pins pyarrow<25, an exact SDK and Django,
# none of which may leak into corpuskit's environment. corpuskit only needs label-studio-sdk.
# Environment: LABEL_STUDIO_VENV (default <repo>/.venv-labelstudio), LABEL_STUDIO_TOKEN (the admin's
# legacy token, default below), LABEL_STUDIO_ADMIN_EMAIL, LABEL_STUDIO_ADMIN_PASSWORD,
# LABEL_STUDIO_START_TIMEOUT (seconds to wait for /health, default 180).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${LABEL_STUDIO_VENV:-$REPO/.venv-labelstudio}"
LS_VERSION="1.23.2"
TOKEN="${LABEL_STUDIO_TOKEN:-c0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3}"
ADMIN_EMAIL="${LABEL_STUDIO_ADMIN_EMAIL:-admin@example.com}"
ADMIN_PASSWORD="${LABEL_STUDIO_ADMIN_PASSWORD:-corpuskit-admin-pw}"
START_TIMEOUT="${LABEL_STUDIO_START_TIMEOUT:-180}"

die() { echo "labelstudio.sh: $*" >&2; exit 2; }

# Label Studio reads these bare names as settings; a user's shell often has some of them.
clean_env() {
  env -u USERNAME -u PASSWORD -u PORT -u HOST \
    LATEST_VERSION_CHECK=false COLLECT_ANALYTICS=false "$@"
}

cmd_install() {
  if [[ -x "$VENV/bin/label-studio" ]]; then
    echo "label-studio already installed in $VENV"
    return
  fi
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "label-studio==$LS_VERSION"
  echo "installed label-studio $LS_VERSION in $VENV"
}

cmd_start() {
  local data_dir="${1:-}" port="${2:-8080}"
  [[ -n "$data_dir" ]] || die "usage: start DATA_DIR [PORT]"
  [[ -x "$VENV/bin/label-studio" ]] || die "no Label Studio in $VENV; run: scripts/labelstudio.sh install"
  mkdir -p "$data_dir"
  data_dir="$(cd "$data_dir" && pwd)"
  local pidfile="$data_dir/labelstudio.pid" log="$data_dir/labelstudio.log"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "a server already runs on $data_dir (PID $(cat "$pidfile")); stop it first"
  fi
  # a server already answering on this port is someone else's: waiting for /health would find it
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    die "port $port already answers /health; choose another port"
  fi
  # setsid: the server gets its own process group, so stop can end it and its children by one id.
  # exec in the background subshell: $! is then the server's own PID (and its process group id).
  ( exec env -u USERNAME -u PASSWORD -u PORT -u HOST LATEST_VERSION_CHECK=false COLLECT_ANALYTICS=false \
    setsid "$VENV/bin/label-studio" start --no-browser --internal-host 127.0.0.1 --port "$port" \
    --data-dir "$data_dir" --username "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" \
    --user-token "$TOKEN" --enable-legacy-api-token >"$log" 2>&1 </dev/null ) &
  local pid=$!
  echo "$pid" >"$pidfile"
  echo "$port" >"$data_dir/labelstudio.port"
  local url="http://127.0.0.1:$port" waited=0
  until curl -fsS "$url/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      tail -n 20 "$log" >&2
      die "Label Studio exited during start; log: $log"
    fi
    (( waited >= START_TIMEOUT )) && { cmd_stop "$data_dir" >/dev/null; die "no /health after ${START_TIMEOUT}s; log: $log"; }
    sleep 1; waited=$((waited + 1))
  done
  echo "LABEL_STUDIO_URL=$url"
  echo "LABEL_STUDIO_API_KEY=$TOKEN"
}

cmd_add_user() {
  local data_dir="${1:-}" email="${2:-}" token="${3:-}"
  [[ -n "$data_dir" && -n "$email" && -n "$token" ]] || die "usage: add-user DATA_DIR EMAIL TOKEN"
  (( ${#token} > 5 )) || die "token must be longer than 5 characters"
  # init on a migrated data dir adds the user to the existing organisation with the given token.
  clean_env "$VENV/bin/label-studio" init --data-dir "$data_dir" --no-browser -q \
    --username "$email" --password "${LABEL_STUDIO_USER_PASSWORD:-corpuskit-user-pw}" \
    --user-token "$token" --enable-legacy-api-token >>"$data_dir/labelstudio.log" 2>&1
  echo "user $email added"
}

cmd_stop() {
  local data_dir="${1:-}"
  [[ -n "$data_dir" ]] || die "usage: stop DATA_DIR"
  local pidfile="$data_dir/labelstudio.pid"
  [[ -f "$pidfile" ]] || { echo "no server PID file in $data_dir"; return 0; }
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
  fi
  rm -f "$pidfile"
  echo "stopped Label Studio (PID $pid)"
}

case "${1:-}" in
  install) shift; cmd_install "$@" ;;
  start) shift; cmd_start "$@" ;;
  add-user) shift; cmd_add_user "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *) die "usage: $0 install | start DATA_DIR [PORT] | add-user DATA_DIR EMAIL TOKEN | stop DATA_DIR" ;;
esac
