#!/usr/bin/env bash
# Builds Registrar's native installers on the system it runs on. `./mvnw -Pinstaller package` calls it after Maven
# has built the jar, copied the runtime jars to target/installer/input/ and filled the @…@ values of packaging/ into
# target/installer/packaging/ (so version, vendor, description and copyright come from pom.xml alone).
#
#   1. jlink: a slim Java runtime of the JDK modules the jars need (jdeps) plus packaging/jlink.args
#   2. jpackage --type app-image: the app with that runtime and a native launcher
#   3. jpackage with --app-image: the installers of this system
#        Linux    app-image, .deb and .rpm     (needs fakeroot and dpkg-deb; rpmbuild for the .rpm)
#        Windows  app-image and .msi           (needs WiX Toolset 3 on the PATH; run from Git Bash)
#        macOS    Registrar.app and .dmg
#   Everything lands in target/installer/dist/; the sizes are printed at the end.
#
# Usage: scripts/package.sh --version VERSION --jar JAR [--jdk JDK_HOME] [--types "app-image deb rpm"]
set -euo pipefail
cd "$(dirname "$0")/.."

version="" jar="" jdk="${JAVA_HOME:-}" types=""
while (($#)); do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --jdk) jdk="$2"; shift 2 ;;
    --types) types="${2:-}"; shift 2 ;;
    *) echo "package.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -n "$version" && -n "$jar" ]] || { echo "usage: scripts/package.sh --version VERSION --jar JAR [--jdk DIR] [--types TYPES]" >&2; exit 2; }

say() { echo "package.sh: $*" >&2; }
die() { say "$*"; exit 1; }

case "$(uname -s)" in
  Linux) os=linux; default_types="app-image deb rpm" ;;
  Darwin) os=macos; default_types="app-image dmg" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; default_types="app-image msi" ;;
  *) die "unsupported system $(uname -s)" ;;
esac
types="${types:-$default_types}"
if [[ "$os" == windows ]] && command -v cygpath >/dev/null 2>&1; then
  jdk="$(cygpath -u "$jdk")"
  jar="$(cygpath -u "$jar")"
fi
tool() {
  if [[ -n "$jdk" ]] && [[ -x "$jdk/bin/$1" || -x "$jdk/bin/$1.exe" ]]; then
    echo "$jdk/bin/$1"
  else
    command -v "$1" || die "$1 not found: use a full JDK 17 or newer (--jdk or JAVA_HOME)"
  fi
}
JAR="$(tool jar)" JDEPS="$(tool jdeps)" JLINK="$(tool jlink)" JPACKAGE="$(tool jpackage)"

# jpackage takes one to three numbers. A development version (0.2.0-SNAPSHOT) is packaged as its numbers (0.2.0).
app_version="${version%%-*}"
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not one to three numbers"
file_version="$app_version"
if [[ "$os" == macos ]]; then
  # jpackage 17 on macOS refuses an app-version that starts with 0 (CFBundleVersion). The bundle's build number
  # is therefore the version with its first number raised by one (0.1.0 -> 1.1.0: still rises with every release);
  # the version people see, CFBundleShortVersionString in packaging/macos/Info.plist, is the POM's own.
  IFS=. read -r major rest <<<"$app_version"
  app_version="$((major + 1))${rest:+.$rest}"
fi

work=target/installer
input="$work/input" packaging="$work/packaging" runtime="$work/runtime" dist="$work/dist"
[[ -d "$input" && -d "$packaging" ]] || die "$input or $packaging is missing: run ./mvnw -Pinstaller package"
[[ -f "$jar" ]] || die "$jar is missing: run ./mvnw -Pinstaller package"
rm -rf "$runtime" "$dist" "$work/jpackage-temp"
mkdir -p "$dist"

cp "$jar" "$input/"
# The openjfx artifacts without a platform classifier are empty placeholders (their POM brings the real jar).
rm -f "$input"/javafx-*[0-9].jar

# --- 1. The runtime ----------------------------------------------------------------------------------------------
say "finding the JDK modules the jars use (jdeps)"
modules="$("$JDEPS" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$input" --add-modules ALL-MODULE-PATH | tr -d '\r')"
[[ -n "$modules" ]] || die "jdeps found no modules"
say "jlink: $modules + packaging/jlink.args"
"$JLINK" @"$packaging/jlink.args" --add-modules "$modules" --output "$runtime" >/dev/null
# The second CDS archive only serves heaps over 32 GB (no compressed pointers); the JVM works without it.
find "$runtime" -name classes_nocoops.jsa -delete

if [[ "$os" == linux ]]; then
  # The Linux launcher names its own archive (-XX:SharedArchiveFile, made at install time from a class list that
  # covers the JDK's classes too), so the JDK's default one would never be read.
  find "$runtime" -name classes.jsa -delete
  # JavaFX looks for its native libraries beside its jars first. Found there, they are not unpacked into every
  # user's ~/.openjfx/cache at first start.
  for fx in "$input"/javafx-graphics-*-linux*.jar; do
    # shellcheck disable=SC2046 # one argument per library name (names without spaces)
    (cd "$input" && "$JAR" xf "${fx##*/}" $("$JAR" tf "${fx##*/}" | grep '^[^/]*\.so$'))
  done
fi

# --- 2. The app-image --------------------------------------------------------------------------------------------
say "jpackage --type app-image (version $app_version)"
"$JPACKAGE" --type app-image @"$packaging/app.args" @"$packaging/launcher.args" @"$packaging/$os/app-image.args" \
  --app-version "$app_version" --input "$input" --runtime-image "$runtime" --dest "$dist"
if [[ "$os" == macos ]]; then image="$dist/Registrar.app"; else image="$dist/Registrar"; fi
[[ -d "$image" ]] || die "jpackage made no $image"

# Prints how long the app takes from start to first window; writes a class list of what it loaded on the way.
# Runs the app under a virtual X server (Xvfb) and watches for the window with xdotool.
train_class_list() {
  local list="$1" tmp xvfb app display
  tmp="$(mktemp -d)"
  Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp >"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb=$!
  for _ in $(seq 100); do [[ -s "$tmp/display" ]] && break; sleep 0.1; done
  display=":$(head -n 1 "$tmp/display")"
  # Its own home, so the run leaves no preferences or caches behind.
  DISPLAY="$display" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Duser.home=$tmp/home" \
    "$image/bin/Registrar" >"$tmp/app.log" 2>&1 &
  app=$!
  local shown=no
  for _ in $(seq 600); do
    if DISPLAY="$display" xdotool search --onlyvisible --name '^Registrar' >/dev/null 2>&1; then shown=yes; break; fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.1
  done
  sleep 1 # let the first frame's work finish
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  if [[ "$shown" != yes ]]; then
    say "the training run showed no window; its output:"
    cat "$tmp/app.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$tmp"
}

if [[ "$os" == linux ]]; then
  linux="$image/lib/linux"
  mkdir -p "$linux/icons"
  cp "$packaging/linux/registrar.desktop" "$linux/"
  cp "$packaging/linux/system-integration.sh" "$linux/"
  chmod 755 "$linux/system-integration.sh"
  cp icons/png/registrar-*.png "$linux/icons/"
  if command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; then
    say "recording the classes loaded up to the first window (for class-data sharing)"
    train_class_list "$linux/registrar.classlist" || die "the app did not show its window"
    say "class list: $(grep -vc '^#' "$linux/registrar.classlist") classes"
  else
    say "WARNING: Xvfb or xdotool missing (Debian: apt-get install xvfb xdotool): packaging without a class list;"
    say "         the installed app then starts without class-data sharing, about a third slower"
  fi
fi

# --- 3. The installers -------------------------------------------------------------------------------------------
for type in $types; do
  [[ "$type" == app-image ]] && continue
  [[ -f "$packaging/$os/$type.args" ]] || die "no packaging/$os/$type.args: '$type' is not built on $os"
  say "jpackage --type $type"
  "$JPACKAGE" --type "$type" @"$packaging/app.args" @"$packaging/$os/$type.args" \
    --app-version "$app_version" --app-image "$image" --dest "$dist"
done
if [[ "$os" == macos ]]; then
  # Named after the version people see, and the processor it runs on (Apple silicon or Intel).
  for dmg in "$dist"/*.dmg; do
    [[ -e "$dmg" ]] && mv "$dmg" "$dist/Registrar-$file_version-$(uname -m).dmg"
  done
fi

# --- Sizes (budgets: installer <= 80 MB, app-image <= 120 MB; printed, not enforced) --------------------------------
{
  echo "app-image $(du -sk "$image" | cut -f1) KiB  $image"
  for f in "$dist"/*; do
    if [[ -f "$f" ]]; then echo "installer $(($(wc -c <"$f") / 1024)) KiB  $f"; fi
  done
} | tee "$work/sizes.txt"
