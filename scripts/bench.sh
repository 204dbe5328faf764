#!/usr/bin/env bash
# Registrar's benchmark (issue #6): starts the big PostgreSQL Synapse (scripts/synapse-big.sh) from a fresh copy of
# its cached seed, builds the test classes, and runs app.registrar.bench.Bench, which drives the real app headless
# (Monocle) and compares the CSV export with curl and synadm in the same run. Never part of ./mvnw verify.
#
#   scripts/bench.sh [--accounts=N] [--runs=5] [--jumps=20] [--import-runs=3] [--import-count=1000]
#                    [--scroll=true|false] [--phases=ui,export,insights,import] [--keep]
#                    [--browse=false] (sign-ins only) [--import-passwords=false] (no bcrypt: a memory test)
#
# The app runs with the installed launcher's JVM options (packaging/launcher.args); BENCH_JAVA_OPTS replaces them.
# --scroll defaults to true up to 200,000 accounts (scrolling a million rows 100 at a time takes most of an hour).
#
# --keep reuses the big server as it is instead of restoring the seed (imports of earlier runs stay in it).
# Output: the figures on stdout and in target/bench/bench-<time>.txt. Stops the big server when done unless it was
# already running.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"

accounts="${BIG_ACCOUNTS:-100000}"
keep=false
bench_args=()
for arg in "$@"; do
  case "$arg" in
    --accounts=*) accounts="${arg#--accounts=}" ;;
    --keep) keep=true ;;
    --*=*) bench_args+=("$arg") ;;
    *) echo "bench.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

command -v curl >/dev/null || { echo "bench.sh: curl is needed (apt-get install curl)" >&2; exit 1; }
if ! command -v synadm >/dev/null; then
  echo "bench.sh: installing Debian's synadm for the comparison" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends synadm >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends synadm >/dev/null; } \
    || echo "bench.sh: synadm could not be installed; its column stays empty" >&2
fi

was_running=false
if [[ "$(scripts/synapse-big.sh status)" == "synapse running"* ]]; then was_running=true; fi
if [[ "$keep" != true ]]; then
  scripts/synapse-big.sh reset >/dev/null 2>&1 || true
  was_running=false
fi
mkdir -p target/bench
env_file="$(mktemp "target/bench/env.XXXXXX")"
scripts/synapse-big.sh start "$accounts" > "$env_file"
if [[ "$was_running" != true ]]; then trap 'scripts/synapse-big.sh stop || true; rm -f "$env_file"' EXIT; else trap 'rm -f "$env_file"' EXIT; fi
get() { grep "^$1=" "$env_file" | cut -d= -f2-; }

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
# Each run has a folder of its own (classes, class path, the files it writes), so a build or another bench started
# meanwhile in this checkout cannot change anything under it.
run="target/bench/run-$stamp"
mkdir -p "$run/classes"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$run/classpath.txt" >/dev/null
cp -r target/classes "$run/classes/main"
cp -r target/test-classes "$run/classes/test"

# The installed app's JVM options, unless BENCH_JAVA_OPTS is set (even to nothing).
shipped="$(sed -n 's/^--java-options //p' packaging/launcher.args | tr '\n' ' ')"
java_opts="${BENCH_JAVA_OPTS-$shipped}"
out="target/bench/bench-$stamp.txt"
{
  echo "# Registrar benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "synapse: 1.163.2 on $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version)"
  echo "synadm: $(dpkg-query -W -f='${Version}' synadm 2>/dev/null || echo none), curl: $(curl --version | head -n 1 | cut -d' ' -f2)"
  echo "command: ${BENCH_JAVA_OPTS+BENCH_JAVA_OPTS=\"$BENCH_JAVA_OPTS\" }scripts/bench.sh $*"
  echo "JVM options: $java_opts"
  echo "load average (1, 5, 15 min) at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$out"

# Monocle draws headless in software, as in the UI tests.
# shellcheck disable=SC2086
java $java_opts -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Dtestfx.robot=glass -Dtestfx.headless=true -Djava.awt.headless=true \
  -cp "$run/classes/test:$run/classes/main:$(cat "$run/classpath.txt")" app.registrar.bench.Bench \
  --url="$(get url)" --user="$(get admin_user)" --password="$(get admin_password)" \
  --synapse-pid-file="$(get synapse_pid_file)" --work="$run" "${bench_args[@]}" 2>&1 | tee -a "$out"
echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
echo "bench.sh: figures saved in $out" >&2
