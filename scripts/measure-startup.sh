#!/usr/bin/env bash
# Measures how long Registrar takes from being started to showing its first window, on a virtual X server of its own,
# and prints each run and the median. It prints figures and asserts nothing (the budget, 1.5 s, is for people).
#
#   scripts/measure-startup.sh [--runs N] [--drop-caches] [--screenshot FILE] [LAUNCHER]
#
#   LAUNCHER       default /opt/registrar/bin/Registrar (the installed .deb or .rpm)
#   --runs N       default 7
#   --drop-caches  empty the kernel's file cache before each run (root only), for a start from disk; without it
#                  each run is a new JVM with the app's files already in memory, as on a second start of the day
#   --screenshot   also saves a picture of the whole screen once the last run's window has painted
#
# "Shown" is the moment the window is mapped (xdotool --onlyvisible finds a window named Registrar); polled every
# 20 ms. Needs Xvfb and xdotool (Debian: xvfb xdotool), and ImageMagick's import for --screenshot.
set -euo pipefail

runs=7 drop=no screenshot="" launcher=/opt/registrar/bin/Registrar
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --drop-caches) drop=yes; shift ;;
    --screenshot) screenshot="$2"; shift 2 ;;
    -*) echo "measure-startup.sh: unknown option $1" >&2; exit 2 ;;
    *) launcher="$1"; shift ;;
  esac
done
[[ -x "$launcher" ]] || { echo "measure-startup.sh: no launcher at $launcher" >&2; exit 1; }
for cmd in Xvfb xdotool; do
  command -v "$cmd" >/dev/null 2>&1 || { echo "measure-startup.sh: $cmd is missing (Debian: xvfb xdotool)" >&2; exit 1; }
done

tmp="$(mktemp -d)"
xvfb="" app=""
cleanup() {
  if [[ -n "$app" ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [[ -n "$xvfb" ]]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A display number of its own (Xvfb picks a free one and writes it to stdout).
Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp >"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do [[ -s "$tmp/display" ]] && break; sleep 0.1; done
[[ -s "$tmp/display" ]] || { echo "measure-startup.sh: Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
DISPLAY=":$(head -n 1 "$tmp/display")"
export DISPLAY

now_ms() { echo $(($(date +%s%N) / 1000000)); }
times=()
for run in $(seq "$runs"); do
  if [[ "$drop" == yes ]]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
  start=$(now_ms)
  "$launcher" >"$tmp/app.log" 2>&1 &
  app=$!
  shown=""
  while [[ -z "$shown" ]]; do
    if xdotool search --onlyvisible --name '^Registrar' >/dev/null 2>&1; then
      shown=$(now_ms)
    elif ! kill -0 "$app" 2>/dev/null; then
      echo "measure-startup.sh: the app ended before showing a window; its output:" >&2
      cat "$tmp/app.log" >&2
      app=""
      exit 1
    elif (($(now_ms) - start > 60000)); then
      echo "measure-startup.sh: no window within 60 s" >&2
      exit 1
    else
      sleep 0.02
    fi
  done
  times+=($((shown - start)))
  echo "run $run: $((shown - start)) ms"
  if [[ -n "$screenshot" && "$run" == "$runs" ]]; then
    sleep 2 # the first frames paint after the window maps
    import -window root "$screenshot"
    echo "screenshot: $screenshot"
  fi
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}')
echo "cold start to first window: median $median ms of $runs runs (min $(printf '%s\n' "${times[@]}" | sort -n | head -n 1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)); launcher $launcher; caches dropped: $drop"
