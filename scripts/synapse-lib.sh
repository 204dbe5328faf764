# Shell helpers shared by scripts/synapse.sh (SQLite, the tests' server) and scripts/synapse-big.sh (PostgreSQL,
# the big seeded server). Sourced, not run: it sets HERE (the checkout) and ME (the caller's file name, which its
# messages start with); the caller then sets VENV and SERVER_NAME and calls synapse_place before the other
# functions. Servers are stopped by the process id in their pid file, never by name.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ME="$(basename "${BASH_SOURCE[1]}")"
SYNAPSE_VERSION="1.163.2"
PYTHON="${PYTHON:-python3}"
CACHE="${REGISTRAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/registrar}"

# Where the caller's server lives: its folder "$1" (config, database, logs, pid file) and its port "$2".
synapse_place() {
  DIR="$1"
  PORT="$2"
  PIDFILE="$DIR/homeserver.pid"
}

die() { echo "$ME: $*" >&2; exit 1; }
say() { echo "$ME: $*" >&2; }

# Creates the virtual environment with pip's "$1" (e.g. matrix-synapse==1.163.2) unless it is complete; "$2" is
# the Python import that proves it works. The marker is written last, so an install cut short is redone.
install_synapse_venv() {
  local requirement="$1" check="$2"
  if [[ -f "$VENV/.installed" ]]; then return 0; fi
  command -v "$PYTHON" >/dev/null 2>&1 || die "Python 3 was not found ('$PYTHON'). The tests start a real Synapse homeserver and need Python 3.9+ with the venv module: install python3 and python3-venv, then run again."
  "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || die "Python's venv module (with ensurepip) is missing. On Debian/Ubuntu: apt-get install python3-venv"
  say "installing $requirement into $VENV (first run only, a minute or two)"
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "$requirement" >&2
  "$VENV/bin/python" -c "$check" || die "$requirement installed but cannot be imported"
  touch "$VENV/.installed"
}

synapse_running() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# The part of homeserver.yaml both servers share: where it listens, its files, no federation, no limits that
# would slow tests down. The caller adds its database and its own settings after it.
synapse_common_yaml() {
  local secret="$1"
  cat <<YAML
server_name: "$SERVER_NAME"
public_baseurl: "http://127.0.0.1:$PORT/"
pid_file: "$PIDFILE"
listeners:
  - port: $PORT
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
log_config: "$DIR/log.config"
media_store_path: "$DIR/media"
signing_key_path: "$DIR/$SERVER_NAME.signing.key"
registration_shared_secret: "$secret"
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
enable_registration: false
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
# A new database finishes its schema (e.g. the unique index reactivation needs) in background updates;
# run them without pauses so the server is complete within seconds of its first start.
background_updates:
  sleep_enabled: false
  background_update_duration_ms: 1000
  min_batch_size: 1000
  default_batch_size: 1000
url_preview_enabled: false
presence:
  enabled: false
YAML
}

write_log_config() {
  cat > "$DIR/log.config" <<YAML
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: $DIR/homeserver.log
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
YAML
}

# Starts Synapse in the background and waits up to "$1" seconds for it to answer.
synapse_launch() {
  local seconds="$1" i
  rm -f "$PIDFILE"
  (cd "$DIR" && "$VENV/bin/python" -m synapse.app.homeserver -c "$DIR/homeserver.yaml" --daemonize >>"$DIR/stdout.log" 2>&1) \
    || { tail -n 30 "$DIR/stdout.log" >&2; die "Synapse failed to start (log: $DIR/homeserver.log)"; }
  for _ in $(seq 1 40); do [[ -s "$PIDFILE" ]] && break; sleep 0.25; done
  for i in $(seq 1 $((seconds * 4))); do
    if curl -fsS "http://127.0.0.1:$PORT/_matrix/client/versions" >/dev/null 2>&1; then return 0; fi
    synapse_running || { tail -n 30 "$DIR/homeserver.log" >&2 2>/dev/null || true; die "Synapse exited while starting (log: $DIR/homeserver.log)"; }
    sleep 0.25
  done
  die "Synapse did not answer on 127.0.0.1:$PORT within $seconds s (log: $DIR/homeserver.log)"
}

# Stops the Synapse of the pid file: politely, then after 20 s for good.
synapse_stop() {
  if ! synapse_running; then rm -f "$PIDFILE"; say "not running"; return 0; fi
  local pid; pid="$(cat "$PIDFILE")"
  kill "$pid"
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
  rm -f "$PIDFILE"
  say "stopped (pid $pid)"
}

# The connection facts both servers print first for `env` (the tests and the bench read them); needs ADMIN_USER
# and ADMIN_PASSWORD.
synapse_env() {
  cat <<ENV
url=http://127.0.0.1:$PORT
server_name=$SERVER_NAME
admin_user=@$ADMIN_USER:$SERVER_NAME
admin_password=$ADMIN_PASSWORD
ENV
}
