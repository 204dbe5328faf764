#!/usr/bin/env bash
# Starts and stops a private print server (CUPS) on 127.0.0.1 with one PDF printer, for the test that prints the
# welcome message through JavaFX's PrinterJob and reads the PDF back. It is not the machine's own CUPS: its config,
# spool, logs and pid file live in target/cups, and it is stopped by the process id in its pid file, never by name.
#
#   scripts/cups.sh start    write the config, start cupsd, add the printer "RegistrarPDF", wait until it is ready
#   scripts/cups.sh stop     stop the print server started from this checkout
#   scripts/cups.sh status   say whether it runs, and where
#   scripts/cups.sh env      print CUPS_SERVER for clients (Java reads it when it starts)
#
# Needs root (cupsd runs its PDF backend as root) and the Debian packages cups, cups-client, cups-bsd,
# printer-driver-cups-pdf (and poppler-utils, tesseract-ocr for the test that reads the PDF); .ci/run installs them.
# Environment: CUPS_PORT (default 19631, as in pom.xml), CUPS_DIR (default target/cups).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CUPS_DIR:-$HERE/target/cups}"
PORT="${CUPS_PORT:-19631}"
PIDFILE="$DIR/cupsd.pid"
PRINTER="RegistrarPDF"
# cups-pdf reads its settings from /etc/cups only; one file per port, so two checkouts do not share an output folder.
PDF_CONF="/etc/cups/cups-pdf-registrar-$PORT.conf"
export CUPS_SERVER="127.0.0.1:$PORT"

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

need() {
  local missing=()
  [[ -x /usr/sbin/cupsd ]] || missing+=(cups)
  command -v lpadmin >/dev/null 2>&1 || missing+=(cups-client)
  [[ -x /usr/lib/cups/backend/cups-pdf ]] || missing+=(printer-driver-cups-pdf)
  if ((${#missing[@]})); then
    echo "cups.sh: the print test needs the Debian packages ${missing[*]}: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  if [[ $(id -u) != 0 ]]; then
    echo "cups.sh: the private print server must run as root (its PDF printer writes as the printing user)" >&2
    exit 1
  fi
}

start() {
  need
  if running; then
    echo "running (pid $(cat "$PIDFILE")) on $CUPS_SERVER"
    return
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "cups.sh: port $PORT is already in use by another program or another checkout's print server; choose another: CUPS_PORT=… (and the same for ./mvnw)" >&2
    exit 1
  fi
  mkdir -p "$DIR"/{conf/ppd,spool,cache,state,log,pdf}
  mkdir -p "$DIR/tmp" && chmod 1777 "$DIR/tmp"   # the filters run as lp and write their temporary files here
  cat > "$DIR/conf/cupsd.conf" <<CONF
Listen 127.0.0.1:$PORT
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cat > "$DIR/conf/cups-files.conf" <<CONF
ServerRoot $DIR/conf
RequestRoot $DIR/spool
TempDir $DIR/tmp
CacheDir $DIR/cache
StateDir $DIR/state
ErrorLog $DIR/log/error_log
AccessLog $DIR/log/access_log
PageLog $DIR/log/page_log
Printcap $DIR/state/printcap
User lp
Group lp
SystemGroup root
CONF
  printf 'Out %s\nAnonDirName %s\nLabel 0\nUserUMask 0022\nGrp root\n' "$DIR/pdf" "$DIR/pdf" > "$PDF_CONF"
  /usr/sbin/cupsd -f -c "$DIR/conf/cupsd.conf" -s "$DIR/conf/cups-files.conf" >> "$DIR/log/cupsd.out" 2>&1 &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 50); do
    lpstat -r >/dev/null 2>&1 && break
    sleep 0.2
  done
  lpstat -r >/dev/null 2>&1 || { echo "cups.sh: cupsd did not start; see $DIR/log" >&2; exit 1; }
  lpadmin -p "$PRINTER" -E -v "cups-pdf:/registrar-$PORT" -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd 2>/dev/null
  echo "running (pid $(cat "$PIDFILE")) on $CUPS_SERVER, printer $PRINTER writes PDFs to $DIR/pdf"
}

stop() {
  if running; then
    local pid; pid="$(cat "$PIDFILE")"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$PIDFILE")) on $CUPS_SERVER"; else echo "not running"; fi ;;
  env) echo "CUPS_SERVER=$CUPS_SERVER" ;;
  *) echo "usage: $0 start|stop|status|env   (CUPS_PORT, default 19631; CUPS_DIR, default target/cups)" >&2; exit 2 ;;
esac
