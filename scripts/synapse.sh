#!/usr/bin/env bash
# Installs, configures, starts and stops a throwaway Synapse homeserver on 127.0.0.1 for Registrar's tests
# and for trying the app by hand. The server is stopped by the process id in its pid file, never by name.
#
#   scripts/synapse.sh install   create the virtual environment (cached, reused when present)
#   scripts/synapse.sh start     install if needed, write a config, start, wait, create the test accounts
#   scripts/synapse.sh stop      stop the server started from this checkout
#   scripts/synapse.sh status    say whether it runs, and where
#   scripts/synapse.sh env       print the connection facts tests read (URL, accounts)
#   scripts/synapse.sh demo      add a few realistic accounts to look at in the app
#   scripts/synapse.sh restart   stop, then start;  reset: stop and delete the server's data
#
# Environment: SYNAPSE_PORT (default 18008; set another when that port is busy, and use the same for the tests),
# SYNAPSE_DIR (default target/synapse), REGISTRAR_CACHE (default ~/.cache/registrar), PYTHON (default python3).
set -euo pipefail

# shellcheck source=scripts/synapse-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/synapse-lib.sh"
VENV="$CACHE/synapse-$SYNAPSE_VERSION"
synapse_place "${SYNAPSE_DIR:-$HERE/target/synapse}" "${SYNAPSE_PORT:-18008}"
SERVER_NAME="localhost"

ADMIN_USER="registrar-admin"
ADMIN_PASSWORD="Admin-Pass-2026!"
PLAIN_USER="registrar-user"
PLAIN_PASSWORD="User-Pass-2026!"

install_venv() {
  install_synapse_venv "matrix-synapse==$SYNAPSE_VERSION" "import synapse"
}

write_config() {
  mkdir -p "$DIR/media"
  # The signing key is generated once; the config is written on every start so a changed script takes effect
  # without losing the database.
  if [[ ! -f "$DIR/$SERVER_NAME.signing.key" ]]; then
    (cd "$DIR" && "$VENV/bin/python" -m synapse.app.homeserver --server-name "$SERVER_NAME" \
        --config-path "$DIR/generated.yaml" --data-directory "$DIR" --generate-config --report-stats=no >/dev/null)
  fi
  if [[ ! -f "$DIR/registration.secret" ]]; then
    "$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))' > "$DIR/registration.secret"
  fi
  local secret; secret="$(cat "$DIR/registration.secret")"
  # An application service (a bridge) owning the exclusive namespace @irc_*: lets tests see how Synapse treats
  # names reserved for bridges.
  if [[ ! -f "$DIR/appservice.yaml" ]]; then
    local as_token hs_token
    as_token="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(16))')"
    hs_token="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(16))')"
    cat > "$DIR/appservice.yaml" <<YAML
id: registrar-test-bridge
url: null
as_token: "$as_token"
hs_token: "$hs_token"
sender_localpart: irc_bridge
rate_limited: false
namespaces:
  users:
    - exclusive: true
      regex: "@irc_.*:$SERVER_NAME"
  aliases: []
  rooms: []
YAML
  fi
  {
    synapse_common_yaml "$secret"
    cat <<YAML
database:
  name: sqlite3
  args:
    database: "$DIR/homeserver.db"
allow_guest_access: true
bcrypt_rounds: 4
password_config:
  enabled: true
  policy:
    enabled: true
    minimum_length: 10
    require_digit: true
    require_symbol: true
    require_lowercase: true
    require_uppercase: true
rc_message: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
rc_admin_redaction: {per_second: 1000, burst_count: 1000}
# The audit mirror's tests create rooms with invites; the default (burst 5 per user) runs out within one suite.
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
  per_issuer: {per_second: 1000, burst_count: 1000}
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
app_service_config_files:
  - "$DIR/appservice.yaml"
# Email settings make Synapse offer password resets by email, which the account panel's self-recovery line
# detects. Nothing listens on this port and no test asks for a reset mail, so no mail ever leaves.
email:
  smtp_host: 127.0.0.1
  smtp_port: 9
  notif_from: "Registrar test server <noreply@localhost>"
  enable_notifs: false
# Lets a signed-in session mint a login token (MSC3882): the tests use it to play the browser's part of
# single sign-on, as no identity provider runs here.
login_via_existing_session:
  enabled: true
  require_ui_auth: false
  token_timeout: 5m
YAML
  } > "$DIR/homeserver.yaml"
  write_log_config
}

wait_background_updates() {
  local i left
  for i in $(seq 1 480); do
    left="$("$VENV/bin/python" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from background_updates").fetchone()[0])' "$DIR/homeserver.db" 2>/dev/null || echo "?")"
    [[ "$left" == "0" ]] && return 0
    synapse_running || die "Synapse exited while finishing its database (log: $DIR/homeserver.log)"
    sleep 0.25
  done
  die "Synapse's background database updates did not finish within 2 minutes ($left left; log: $DIR/homeserver.log)"
}

start() {
  install_venv
  if synapse_running; then echo "synapse.sh: already running (pid $(cat "$PIDFILE")) on http://127.0.0.1:$PORT" >&2; print_env; return 0; fi
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/_matrix/client/versions" 2>/dev/null; then
    die "port $PORT already answers, but not for the server of $DIR (another checkout's test server?). Stop that one, or choose another port: SYNAPSE_PORT=18118 $0 start"
  fi
  write_config
  synapse_launch 60
  wait_background_updates
  if [[ ! -f "$DIR/accounts-created" ]]; then
    "$VENV/bin/register_new_matrix_user" -c "$DIR/homeserver.yaml" -u "$ADMIN_USER" -p "$ADMIN_PASSWORD" --admin "http://127.0.0.1:$PORT" >/dev/null \
      || die "could not create the admin test account"
    "$VENV/bin/register_new_matrix_user" -c "$DIR/homeserver.yaml" -u "$PLAIN_USER" -p "$PLAIN_PASSWORD" --no-admin "http://127.0.0.1:$PORT" >/dev/null \
      || die "could not create the non-admin test account"
    touch "$DIR/accounts-created"
  fi
  echo "synapse.sh: running (pid $(cat "$PIDFILE")) on http://127.0.0.1:$PORT" >&2
  print_env
}

stop() { synapse_stop; }

demo() {
  # A handful of realistic accounts to look at in the app (idempotent).
  synapse_running || start >/dev/null
  "$VENV/bin/python" - "http://127.0.0.1:$PORT" "@$ADMIN_USER:$SERVER_NAME" "$ADMIN_PASSWORD" "$SERVER_NAME" <<'PY'
import json, sys, urllib.request, urllib.error
base, admin, password, server = sys.argv[1:5]
def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return json.load(e)
token = call("POST", "/_matrix/client/v3/login", {"type": "m.login.password",
             "identifier": {"type": "m.id.user", "user": admin}, "password": password})["access_token"]
people = [("alice.martin", "Alice Martin", ["alice@example.org"], {}),
          ("bob.nguyen", "Bob Nguyen", ["bob@example.org", "b.nguyen@work.example"], {}),
          ("carla.rossi", "Carla Rossi", [], {"admin": True}),
          ("dmitri.ivanov", "Dmitri Ivanov", ["dmitri@example.org"], {"locked": True}),
          ("emma.schmidt", "Emma Schmidt", ["emma@example.org"], {}),
          ("farah.haddad", "Farah Haddad", [], {}),
          ("helpdesk", "Help Desk", ["help@example.org"], {"user_type": "support"}),
          ("notify-bot", "Notifications", [], {"user_type": "bot"}),
          ("george.okafor", "George Okafor", ["george@example.org"], {}),
          ("hana.sato", "Hana Sato", [], {"deactivated": True})]
for local, name, emails, extra in people:
    uid = "/_synapse/admin/v2/users/%40" + local + "%3A" + server
    body = {"password": "Demo-Pass-2026!", "displayname": name,
            "threepids": [{"medium": "email", "address": a} for a in emails]}
    body.update({k: v for k, v in extra.items() if k not in ("locked", "deactivated")})
    call("PUT", uid, body, token)
    if extra.get("locked"):
        call("PUT", uid, {"locked": True}, token)
    if extra.get("deactivated"):
        call("POST", "/_synapse/admin/v1/deactivate/%40" + local + "%3A" + server, {"erase": False}, token)
call("POST", "/_matrix/client/v3/logout", {}, token)
print("demo accounts ready")
PY
}

print_env() {
  synapse_env
  cat <<ENV
user_user=@$PLAIN_USER:$SERVER_NAME
user_password=$PLAIN_PASSWORD
pid_file=$PIDFILE
ENV
}

case "${1:-}" in
  install) install_venv ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  reset) stop; rm -rf "$DIR" ;;
  status) if synapse_running; then echo "running (pid $(cat "$PIDFILE")) on http://127.0.0.1:$PORT"; else echo "not running"; fi ;;
  env) print_env ;;
  demo) demo ;;
  *) cat >&2 <<USAGE
usage: $0 install|start|stop|restart|reset|status|env|demo

environment:
  SYNAPSE_PORT     port on 127.0.0.1 (default 18008); use another when 18008 is busy, e.g.
                   SYNAPSE_PORT=18118 $0 start  (the tests read the same variable)
  SYNAPSE_DIR      the server's config, database and pid file (default target/synapse)
  REGISTRAR_CACHE  where Synapse is installed once (default ~/.cache/registrar)
  PYTHON           the Python 3.9+ used to install it (default python3)
USAGE
     exit 2 ;;
esac
