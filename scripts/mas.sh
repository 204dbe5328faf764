#!/usr/bin/env bash
# Starts and stops a throwaway Matrix Authentication Service (MAS) stack on 127.0.0.1 for Registrar's tests and for
# trying the app by hand: PostgreSQL, MAS (which owns the accounts) and a Synapse that delegates its accounts to
# it. Every process is stopped by its own pid file, never by name. MAS is AGPL and used only as a test server.
#
#   scripts/mas.sh install   build MAS (scripts/mas-build.sh, first time ~20 min) and Synapse with PostgreSQL support
#   scripts/mas.sh start     install if needed, start the three servers, wait until ready, create the test accounts
#   scripts/mas.sh stop      stop the stack started from this checkout
#   scripts/mas.sh status    say whether it runs, and where
#   scripts/mas.sh env       print the connection facts tests read (addresses, admin client, accounts)
#   scripts/mas.sh reset     stop and delete the stack's data
#
# Ports (all on 127.0.0.1): MAS_PORT, MAS_SYNAPSE_PORT, MAS_PG_PORT. Without them they follow SYNAPSE_PORT (default
# 18008) at +572, +500 and +524 — 18580, 18508, 18532 by default — so checkouts with different SYNAPSE_PORTs never
# share a port. Other environment: MAS_DIR (default target/mas), REGISTRAR_CACHE (default ~/.cache/registrar),
# PYTHON (default python3), PG_BIN (default /usr/lib/postgresql/<newest>/bin).
set -euo pipefail

SYNAPSE_VERSION="1.163.2"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
CACHE="${REGISTRAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/registrar}"
VENV="$CACHE/synapse-postgres-$SYNAPSE_VERSION"
DIR="${MAS_DIR:-$HERE/target/mas}"
BASE_PORT="${SYNAPSE_PORT:-18008}"
MAS_PORT="${MAS_PORT:-$((BASE_PORT + 572))}"
SYN_PORT="${MAS_SYNAPSE_PORT:-$((BASE_PORT + 500))}"
PG_PORT="${MAS_PG_PORT:-$((BASE_PORT + 524))}"
# A second MAS listener without the admin API: how a server looks before its admin switches the API on.
BARE_PORT="${MAS_BARE_PORT:-$((MAS_PORT + 1))}"
SERVER_NAME="localhost"

# A confidential client that may ask for the MAS admin scope with the client-credentials grant (policy data
# admin_clients), as a server admin would configure one for tools. Test values only.
ADMIN_CLIENT_ID="01J44RKQYM4G3TNVANTMTDYTX6"
ADMIN_CLIENT_SECRET="registrar-test-admin-client-secret-2026"
# A confidential client the policy does not list in admin_clients: it may not ask for urn:mas:admin.
PLAIN_CLIENT_ID="01J44RKQYM4G3TNVANTMTDYTX7"
PLAIN_CLIENT_SECRET="registrar-test-plain-client-secret-2026"
# A single sign-on provider configured in MAS (never contacted: links to it are only added and removed).
SSO_PROVIDER_ID="01J5550000000000000000SS01"
SHARED_SECRET="registrar-test-mas-synapse-secret-2026"
ADMIN_USER="registrar-admin"
ADMIN_PASSWORD="Admin-Pass-2026!"
PLAIN_USER="registrar-user"
PLAIN_PASSWORD="User-Pass-2026!"

die() { echo "mas.sh: $*" >&2; exit 1; }
say() { echo "mas.sh: $*" >&2; }

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local newest; newest="$(ls -1d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -n "$newest" && -x "$newest/initdb" ]] \
    || die "PostgreSQL's server programs were not found (/usr/lib/postgresql/<version>/bin). On Debian/Ubuntu: apt-get install postgresql libpq-dev"
  echo "$newest"
}

mas_home() { "$HERE/scripts/mas-build.sh" path; }

install() {
  "$HERE/scripts/mas-build.sh"
  install_synapse
}

install_synapse() {
  pg_bin >/dev/null
  # Two checkouts may start their first run at once: one installs, the other waits for it.
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.synapse-postgres.lock"
  flock 9
  if [[ ! -f "$VENV/.installed" ]]; then
    command -v "$PYTHON" >/dev/null 2>&1 || die "Python 3 was not found ('$PYTHON'); install python3 and python3-venv"
    "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || die "Python's venv module is missing. On Debian/Ubuntu: apt-get install python3-venv"
    command -v pg_config >/dev/null 2>&1 || die "pg_config was not found: Synapse's PostgreSQL driver is built from source. On Debian/Ubuntu: apt-get install libpq-dev"
    say "installing matrix-synapse[postgres] $SYNAPSE_VERSION into $VENV (first run only, about two minutes)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "matrix-synapse[postgres]==$SYNAPSE_VERSION" >&2
    "$VENV/bin/python" -c "import synapse, psycopg2" || die "matrix-synapse[postgres] installed but cannot be imported"
    touch "$VENV/.installed"
  fi
  flock -u 9
}

alive() { # pidfile
  [[ -f "$1" ]] || return 1
  local pid; pid="$(head -1 "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

pg_alive() { alive "$DIR/pg/data/postmaster.pid"; }
mas_alive() { alive "$DIR/mas.pid"; }
synapse_alive() { alive "$DIR/synapse/homeserver.pid"; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

refuse_taken() { # port what
  if port_taken "$1"; then
    die "port $1 (for $2) is already in use by another program or another checkout's test server. Stop that one, or choose other ports: MAS_PORT=… MAS_SYNAPSE_PORT=… MAS_PG_PORT=… $0 start"
  fi
}

as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 "$@"; }

wait_url() { # url seconds what alivefn
  local i
  for i in $(seq 1 $(( $2 * 5 ))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    "$4" || die "$3 exited while starting (logs under $DIR)"
    sleep 0.2
  done
  die "$3 did not answer on $1 within $2 s (logs under $DIR)"
}

start_postgres() {
  if pg_alive; then return 0; fi
  refuse_taken "$PG_PORT" PostgreSQL
  local bin; bin="$(pg_bin)"
  mkdir -p "$DIR/pg"
  # PostgreSQL refuses to run as root; its files belong to the postgres account then.
  if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$DIR/pg"; fi
  if [[ ! -f "$DIR/pg/data/PG_VERSION" ]]; then
    as_postgres "$bin/initdb" -D "$DIR/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/pg/initdb.log" 2>&1 \
      || { cat "$DIR/pg/initdb.log" >&2; die "initdb failed"; }
  fi
  # fsync off: a test database that may be lost on a power cut starts and writes much faster.
  as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { tail -n 20 "$DIR/pg/postgres.log" >&2; die "PostgreSQL failed to start"; }
  psql_ -d postgres -tAc "select 1 from pg_database where datname='mas'" | grep -q 1 \
    || psql_ -d postgres -c "CREATE DATABASE mas"
  psql_ -d postgres -tAc "select 1 from pg_database where datname='synapse'" | grep -q 1 \
    || psql_ -d postgres -c "CREATE DATABASE synapse TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"
}

write_mas_config() {
  local home; home="$(mas_home)"
  mkdir -p "$DIR/mas/assets"
  if [[ ! -f "$DIR/mas/secrets.yaml" ]]; then
    "$home/bin/mas-cli" config generate 2>/dev/null | sed -n '/^secrets:/,/^[a-z]/p' | sed '$d' > "$DIR/mas/secrets.yaml"
    grep -q '^secrets:' "$DIR/mas/secrets.yaml" || die "mas-cli config generate gave no secrets section"
  fi
  # MAS renders its login and consent pages from templates that name the frontend's built files through a Vite
  # manifest. The pages work without the frontend's JavaScript, so a small manifest with empty files stands in for
  # a frontend build (which needs npm packages this machine's registry lacks).
  "$PYTHON" - "$home" "$DIR/mas" <<'PY'
import json, os, sys
home, out = sys.argv[1], sys.argv[2]
manifest = {}
for name in ["main.tsx", "templates.ts", "swagger.ts", "vendor.css", "shared.css", "templates.css"]:
    file = name.rsplit(".", 1)[0] + (".css" if name.endswith(".css") else ".js")
    manifest["src/entrypoints/" + name] = {"file": file, "isEntry": True, "src": "src/entrypoints/" + name}
for file in os.listdir(os.path.join(home, "translations")):
    manifest["locales/" + file] = {"file": file, "src": "locales/" + file}
for entry in manifest.values():
    with open(os.path.join(out, "assets", entry["file"]), "w") as f:
        f.write("{}" if entry["file"].endswith(".json") else "/* stands in for the frontend build */")
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
PY
  {
    cat <<YAML
http:
  public_base: http://127.0.0.1:$MAS_PORT/
  issuer: http://127.0.0.1:$MAS_PORT/
  listeners:
  - name: web
    resources:
    - name: discovery
    - name: human
    - name: oauth
    - name: compat
    - name: graphql
    - name: assets
      path: $DIR/mas/assets/
    # The admin API is off unless listed: the line a server admin adds for Registrar.
    - name: adminapi
    - name: health
    binds:
    - address: '127.0.0.1:$MAS_PORT'
  - name: bare
    resources:
    - name: discovery
    - name: oauth
    - name: health
    binds:
    - address: '127.0.0.1:$BARE_PORT'
database:
  uri: postgresql://postgres@127.0.0.1:$PG_PORT/mas
  ssl_mode: disable
templates:
  path: $home/templates/
  assets_manifest: $DIR/mas/manifest.json
  translations_path: $home/translations/
policy:
  wasm_module: $home/policy.wasm
  data:
    admin_clients: [$ADMIN_CLIENT_ID]
    # Registrar registers itself as a native app with a loopback redirect; its client_uri is https, as the
    # default policy asks, so nothing needs relaxing for that.
clients:
- client_id: $ADMIN_CLIENT_ID
  client_auth_method: client_secret_basic
  client_secret: $ADMIN_CLIENT_SECRET
- client_id: $PLAIN_CLIENT_ID
  client_auth_method: client_secret_basic
  client_secret: $PLAIN_CLIENT_SECRET
upstream_oauth2:
  providers:
  - id: $SSO_PROVIDER_ID
    human_name: Example SSO
    issuer: https://sso.example.org/
    client_id: registrar-test
    client_secret: registrar-test-sso-secret
    token_endpoint_auth_method: client_secret_basic
    scope: openid
    discovery_mode: disabled
    authorization_endpoint: https://sso.example.org/authorize
    token_endpoint: https://sso.example.org/token
    jwks_uri: https://sso.example.org/jwks
passwords:
  enabled: true
  # MAS's default: zxcvbn score 3 of 4. Tests see the policy as a real server applies it.
  minimum_complexity: 3
  schemes: [{version: 1, algorithm: argon2id}]
account:
  password_change_allowed: true
  email_change_allowed: true
  # Sign-up on MAS's own pages, by invitation only: how Registrar's invites reach people on a MAS server.
  password_registration_enabled: true
  password_registration_email_required: false
  password_registration_token_required: true
rate_limiting:
  login:
    per_ip: {burst: 10000, per_second: 1000}
    per_account: {burst: 10000, per_second: 1000}
  registration: {burst: 10000, per_second: 1000}
matrix:
  kind: synapse
  homeserver: $SERVER_NAME
  secret: $SHARED_SECRET
  endpoint: http://127.0.0.1:$SYN_PORT/
YAML
    cat "$DIR/mas/secrets.yaml"
  } > "$DIR/mas/config.yaml"
  "$home/bin/mas-cli" config check -c "$DIR/mas/config.yaml" >"$DIR/mas/check.log" 2>&1 \
    || { cat "$DIR/mas/check.log" >&2; die "MAS refused its configuration"; }
}

start_mas() {
  if mas_alive; then return 0; fi
  refuse_taken "$MAS_PORT" MAS
  refuse_taken "$BARE_PORT" "MAS's listener without admin API"
  local home; home="$(mas_home)"
  write_mas_config
  "$home/bin/mas-cli" database migrate -c "$DIR/mas/config.yaml" >"$DIR/mas/migrate.log" 2>&1 \
    || { tail -n 20 "$DIR/mas/migrate.log" >&2; die "MAS could not prepare its database"; }
  # setsid: the server outlives this script and the Maven process that ran it; it is stopped by its pid file.
  setsid "$home/bin/mas-cli" server -c "$DIR/mas/config.yaml" >>"$DIR/mas/server.log" 2>&1 < /dev/null &
  echo $! > "$DIR/mas.pid"
  wait_url "http://127.0.0.1:$MAS_PORT/health" 60 MAS mas_alive
}

write_synapse_config() {
  mkdir -p "$DIR/synapse/media"
  cat > "$DIR/synapse/log.config" <<YAML
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file: {class: logging.FileHandler, formatter: precise, filename: $DIR/synapse/homeserver.log, encoding: utf8}
loggers:
  synapse.storage.SQL: {level: WARNING}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
YAML
  cat > "$DIR/synapse/homeserver.yaml" <<YAML
server_name: "$SERVER_NAME"
public_baseurl: "http://127.0.0.1:$SYN_PORT/"
pid_file: "$DIR/synapse/homeserver.pid"
listeners:
  - {port: $SYN_PORT, bind_addresses: ['127.0.0.1'], type: http, tls: false, x_forwarded: false,
     resources: [{names: [client], compress: false}]}
database:
  name: psycopg2
  args: {user: postgres, database: synapse, host: 127.0.0.1, port: $PG_PORT, cp_min: 1, cp_max: 5}
log_config: "$DIR/synapse/log.config"
media_store_path: "$DIR/synapse/media"
signing_key_path: "$DIR/synapse/$SERVER_NAME.signing.key"
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
enable_registration: false
# Synapse refuses to start with its own passwords while MAS owns the accounts.
password_config: {enabled: false}
macaroon_secret_key: "registrar-test-macaroon-secret-2026"
form_secret: "registrar-test-form-secret-2026"
url_preview_enabled: false
presence: {enabled: false}
# A new database finishes its schema in background updates (MAS's reactivation needs one of their indexes).
background_updates: {sleep_enabled: false, background_update_duration_ms: 1000, min_batch_size: 1000, default_batch_size: 1000}
rc_message: {per_second: 1000, burst_count: 1000}
rc_joins: {local: {per_second: 1000, burst_count: 1000}}
matrix_authentication_service:
  enabled: true
  endpoint: http://127.0.0.1:$MAS_PORT/
  secret: "$SHARED_SECRET"
YAML
}

start_synapse() {
  if synapse_alive; then return 0; fi
  refuse_taken "$SYN_PORT" Synapse
  write_synapse_config
  if [[ ! -f "$DIR/synapse/$SERVER_NAME.signing.key" ]]; then
    (cd "$DIR/synapse" && "$VENV/bin/python" -m synapse.app.homeserver -c homeserver.yaml --generate-keys >"$DIR/synapse/keys.log" 2>&1) \
      || { cat "$DIR/synapse/keys.log" >&2; die "Synapse could not generate its signing key"; }
  fi
  rm -f "$DIR/synapse/homeserver.pid"
  (cd "$DIR/synapse" && "$VENV/bin/python" -m synapse.app.homeserver -c homeserver.yaml --daemonize >>"$DIR/synapse/stdout.log" 2>&1) \
    || { tail -n 30 "$DIR/synapse/stdout.log" >&2; die "Synapse failed to start (log: $DIR/synapse/homeserver.log)"; }
  for _ in $(seq 1 40); do [[ -s "$DIR/synapse/homeserver.pid" ]] && break; sleep 0.25; done
  wait_url "http://127.0.0.1:$SYN_PORT/_matrix/client/versions" 120 Synapse synapse_alive
  local left=""
  for _ in $(seq 1 600); do
    left="$(psql_ -d synapse -tAc 'select count(*) from background_updates' 2>/dev/null || echo '?')"
    [[ "$left" == 0 ]] && return 0
    synapse_alive || die "Synapse exited while finishing its database (log: $DIR/synapse/homeserver.log)"
    sleep 0.2
  done
  die "Synapse's background database updates did not finish within 2 minutes ($left left)"
}

# The admin API with the configured client's client-credentials token; prints the reply body, fails on >= 400.
mas_admin() { # method path [json]
  local token
  token="$(curl -fsS -u "$ADMIN_CLIENT_ID:$ADMIN_CLIENT_SECRET" -d 'grant_type=client_credentials&scope=urn:mas:admin' \
    "http://127.0.0.1:$MAS_PORT/oauth2/token" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "http://127.0.0.1:$MAS_PORT/api/admin/v1/$2"
}

ensure_account() { # username password admin(true/false)
  local id
  id="$(mas_admin GET "users/by-username/$1" 2>/dev/null | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])' 2>/dev/null || true)"
  if [[ -z "$id" ]]; then
    id="$(mas_admin POST users "{\"username\":\"$1\"}" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')" \
      || die "could not create the test account $1"
    mas_admin POST "users/$id/set-password" "{\"password\":\"$2\"}" >/dev/null || die "could not set the password of $1"
  fi
  mas_admin POST "users/$id/set-admin" "{\"admin\":$3}" >/dev/null || die "could not set the admin flag of $1"
}

start() {
  install
  mkdir -p "$DIR"
  if pg_alive && mas_alive && synapse_alive; then
    say "already running on http://127.0.0.1:$MAS_PORT (MAS) and http://127.0.0.1:$SYN_PORT (Synapse)"
    print_env; return 0
  fi
  local t0; t0=$(date +%s%N)
  start_postgres
  start_mas
  start_synapse
  ensure_account "$ADMIN_USER" "$ADMIN_PASSWORD" true
  ensure_account "$PLAIN_USER" "$PLAIN_PASSWORD" false
  say "running: MAS http://127.0.0.1:$MAS_PORT, Synapse http://127.0.0.1:$SYN_PORT, PostgreSQL 127.0.0.1:$PG_PORT (ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
  print_env
}

stop_pid() { # pidfile name
  alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid="$(head -1 "$1")"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$1"
  say "stopped $2 (pid $pid)"
}

stop() {
  stop_pid "$DIR/synapse/homeserver.pid" Synapse
  stop_pid "$DIR/mas.pid" MAS
  if pg_alive; then
    local pid; pid="$(head -1 "$DIR/pg/data/postmaster.pid")"
    as_postgres "$(pg_bin)/pg_ctl" -D "$DIR/pg/data" -m fast -w -t 30 stop >/dev/null || kill "$pid" 2>/dev/null || true
    say "stopped PostgreSQL (pid $pid)"
  fi
}

status() {
  local any=0 p
  for p in "PostgreSQL:pg_alive:$PG_PORT" "MAS:mas_alive:$MAS_PORT" "Synapse:synapse_alive:$SYN_PORT"; do
    IFS=: read -r name fn port <<<"$p"
    if "$fn"; then echo "$name running on 127.0.0.1:$port"; any=1; else echo "$name not running"; fi
  done
  if pg_alive && mas_alive && synapse_alive; then echo "running"; elif [[ $any == 0 ]]; then echo "not running"; else echo "partly running"; fi
}

print_env() {
  cat <<ENV
mas_url=http://127.0.0.1:$MAS_PORT
mas_bare_url=http://127.0.0.1:$BARE_PORT
synapse_url=http://127.0.0.1:$SYN_PORT
server_name=$SERVER_NAME
admin_client_id=$ADMIN_CLIENT_ID
admin_client_secret=$ADMIN_CLIENT_SECRET
plain_client_id=$PLAIN_CLIENT_ID
plain_client_secret=$PLAIN_CLIENT_SECRET
sso_provider_id=$SSO_PROVIDER_ID
admin_user=@$ADMIN_USER:$SERVER_NAME
admin_password=$ADMIN_PASSWORD
user_user=@$PLAIN_USER:$SERVER_NAME
user_password=$PLAIN_PASSWORD
ENV
}

case "${1:-}" in
  install) install ;;
  install-synapse) install_synapse ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  reset) stop; rm -rf "$DIR" ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 install|start|stop|restart|reset|status|env" >&2; exit 2 ;;
esac
