#!/usr/bin/env bash
# Makes the yardstick for Registrar's cold start: a copy of Registrar's app-image whose launcher starts a trivial
# JavaFX window instead (src/test/java/app/registrar/bench/TrivialWindow.java: one label, Registrar's title and size)
# on the same runtime with the same JVM options, and with a class-data archive of its own made the same way as the
# installed app's. Then time both to their first window, alternating, e.g. with scripts/measure-startup.sh:
#
#   scripts/startup-yardstick.sh [APP_IMAGE] [OUT]     # APP_IMAGE: /opt/registrar (installed) or target/installer/dist/Registrar
#   scripts/measure-startup.sh --runs 9 APP_IMAGE/bin/Registrar
#   scripts/measure-startup.sh --runs 9 OUT/bin/Trivial
#
# or, pair by pair and without polling (mapwait returns at the MapNotify of the started process's first window):
#
#   cc -O2 -o target/mapwait scripts/mapwait.c -lX11            # Debian: libx11-dev
#   Xvfb :77 -screen 0 1280x1024x24 -nolisten tcp & export DISPLAY=:77
#   farm-bench -n 10 --vs 'target/mapwait OUT/bin/Trivial' -- target/mapwait APP_IMAGE/bin/Registrar
#
# Needs Xvfb and xdotool (to record the yardstick's class list) and a JDK's javac.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Absolute paths: the jar step below runs in another directory.
image="$(realpath -m "${1:-/opt/registrar}")"
out="$(realpath -m "${2:-$HERE/target/yardstick}")"
[[ -x "$image/bin/Registrar" ]] || { echo "startup-yardstick.sh: no app-image at $image" >&2; exit 1; }
for cmd in javac Xvfb xdotool; do
  command -v "$cmd" >/dev/null || { echo "startup-yardstick.sh: $cmd is missing" >&2; exit 1; }
done
rm -rf "$out"
cp -a "$image" "$out"
app="$out/lib/app"
fx="$(ls "$app"/javafx-*.jar | tr '\n' ':')"
tmp="$(mktemp -d)"
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
javac --release 17 -d "$tmp/classes" -cp "$fx" "$HERE/src/test/java/app/registrar/bench/TrivialWindow.java"
(cd "$tmp/classes" && jar cf "$app/trivial.jar" .)
mv "$out/bin/Registrar" "$out/bin/Trivial"
rm -f "$app/Registrar.cfg" "$app/registrar.jsa"
{
  echo "[Application]"
  echo "app.classpath=\$APPDIR/trivial.jar"
  echo "app.mainclass=app.registrar.bench.TrivialWindow"
  for jar in "$app"/javafx-*.jar; do echo "app.classpath=\$APPDIR/$(basename "$jar")"; done
  echo
  echo "[JavaOptions]"
  # The same options as Registrar's launcher, the archive being the yardstick's own.
  sed -n 's/^java-options=//p' "$image/lib/app/Registrar.cfg" | grep -v '^-Djpackage' \
    | sed 's#registrar.jsa#trivial.jsa#' | sed 's/^/java-options=/'
} > "$app/Trivial.cfg"
# Its class list up to the first window and its archive, as scripts/package.sh and the installer do for Registrar.
Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp >"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [[ -s "$tmp/display" ]] && break; sleep 0.1; done
export DISPLAY=":$(head -n 1 "$tmp/display")"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/trivial.classlist" "$out/bin/Trivial" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do xdotool search --onlyvisible --name '^Registrar' >/dev/null 2>&1 && break; sleep 0.1; done
sleep 1
kill "$pid"; wait "$pid" 2>/dev/null || true
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/trivial.classlist" "$out/bin/Trivial" >/dev/null 2>&1
echo "startup-yardstick.sh: $out/bin/Trivial ($(grep -vc '^#' "$app/trivial.classlist") classes archived)"
