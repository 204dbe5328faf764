#!/usr/bin/env bash
# Builds the Matrix Authentication Service (MAS) test server once from the source snapshot in ../shared/mas/ and
# caches what it needs at run time — the mas-cli binary, templates, translations and the policy — under
# ~/.cache/registrar/mas-<snapshot>/. Later runs find the cache and return at once. MAS is AGPL and is used only as
# a test server: nothing of it is shipped with Registrar.
#
#   scripts/mas-build.sh          build if the cache is missing (cargo ~19 min, opa ~2 min on 2 cores)
#   scripts/mas-build.sh path     print the cache folder
#
# Environment: MAS_SNAPSHOT (default ../shared/mas/mas-src-*.tar.gz beside the checkout), REGISTRAR_CACHE
# (default ~/.cache/registrar), CARGO_BUILD_JOBS.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${REGISTRAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/registrar}"
OPA_VERSION="v1.13.1"

die() { echo "mas-build.sh: $*" >&2; exit 1; }

snapshot="${MAS_SNAPSHOT:-}"
if [[ -z "$snapshot" ]]; then
  for f in "$HERE"/../shared/mas/mas-src-*.tar.gz; do [[ -f "$f" ]] && snapshot="$f"; done
fi
[[ -n "$snapshot" && -f "$snapshot" ]] || die "no MAS source snapshot found (looked for ../shared/mas/mas-src-*.tar.gz); set MAS_SNAPSHOT"
rev="$(basename "$snapshot" .tar.gz)"; rev="${rev#mas-src-}"
OUT="$CACHE/mas-$rev"

if [[ "${1:-}" == path ]]; then echo "$OUT"; exit 0; fi
# The marker is written last, so a build cut short is redone instead of half-used.
if [[ -f "$OUT/.built" ]]; then exit 0; fi
# Two checkouts starting at once build it once: the second waits for the first, then finds the cache.
mkdir -p "$CACHE"
exec 8>"$CACHE/.mas-build-$rev.lock"
flock 8
if [[ -f "$OUT/.built" ]]; then exit 0; fi

command -v cargo >/dev/null 2>&1 || die "cargo (Rust) is needed to build the MAS test server: install rustup or Debian's cargo"
command -v go >/dev/null 2>&1 || die "Go is needed to build MAS's policy compiler (opa): install golang"

work="$CACHE/mas-build-$rev"
mkdir -p "$work"
if [[ ! -f "$work/src/Cargo.toml" ]]; then
  rm -rf "$work/src"; mkdir -p "$work/src"
  tar -xzf "$snapshot" -C "$work/src"
  # The archive may hold one top folder; work from the folder that has Cargo.toml.
  if [[ ! -f "$work/src/Cargo.toml" ]]; then
    top="$(dirname "$(find "$work/src" -maxdepth 2 -name Cargo.toml | head -1)")"
    [[ -n "$top" && "$top" != "$work/src" ]] || die "the snapshot has no Cargo.toml"
    mv "$work/src" "$work/src.tmp" && mv "$work/src.tmp/${top#"$work/src/"}" "$work/src" && rm -rf "$work/src.tmp"
  fi
fi

start=$(date +%s)
echo "mas-build.sh: building mas-cli $rev with cargo (first time only; about 20 minutes on 2 cores)" >&2
(cd "$work/src" && cargo build --release --locked -p mas-cli >&2)

echo "mas-build.sh: building the policy compiler opa $OPA_VERSION" >&2
GOPATH="$work/go" GOFLAGS=-modcacherw go install "github.com/open-policy-agent/opa@$OPA_VERSION" >&2
opa="$work/go/bin/opa"
(cd "$work/src/policies" && make OPA="$opa" OPA_RW="$opa" policy.wasm >&2)

rm -rf "$OUT.tmp"; mkdir -p "$OUT.tmp/bin"
cp "$work/src/target/release/mas-cli" "$OUT.tmp/bin/"
cp -r "$work/src/templates" "$work/src/translations" "$OUT.tmp/"
cp "$work/src/policies/policy.wasm" "$OUT.tmp/"
rm -rf "$OUT"; mv "$OUT.tmp" "$OUT"
touch "$OUT/.built"
# target/ grows to 2.5 GB; only the binary and the run-time files are kept.
rm -rf "$work"
echo "mas-build.sh: MAS built in $(( $(date +%s) - start )) s, cached in $OUT" >&2
