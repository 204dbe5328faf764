#!/usr/bin/env bash
# CI's installer check on Debian/Ubuntu (as root): builds the Linux app-image, .deb and .rpm with the installer
# profile, installs the .deb with apt-get, checks what it installed, starts the installed app under Xvfb until its
# first window shows (screenshot: target/ci/installed-app.png), checks `--version` against pom.xml, prints the sizes
# and start-up time, then uninstalls and checks that nothing is left. .ci/run calls it after the tests; the Linux job
# of .github/workflows/installers.yml runs .ci/run. Safe to run twice: a Registrar left installed is removed first.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
step() { echo "ci-installer: $*"; }
fail() { echo "ci-installer: FAILED: $*" >&2; exit 1; }

# jpackage needs fakeroot (.deb) and rpm's rpmbuild (.rpm); the app needs GTK 3 and libXtst; the checks need Xvfb,
# xdotool and ImageMagick. Installed only when missing, like .ci/run does.
missing=()
for pkg in fakeroot rpm xvfb xdotool imagemagick libgtk-3-0 libxtst6 python3; do
  have_pkg "$pkg" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

version="$(python3 -c 'import sys, xml.etree.ElementTree as t; print(t.parse("pom.xml").getroot().findtext("{http://maven.apache.org/POM/4.0.0}version"))')"
step "pom.xml version $version"

step "building the installers: ./mvnw -B -Pinstaller -DskipTests package"
./mvnw -B -Pinstaller -DskipTests package

dist=target/installer/dist
debs=("$dist"/registrar_*.deb)
rpms=("$dist"/registrar-*.rpm)
[[ -f "${debs[0]}" && ${#debs[@]} == 1 ]] || fail "expected one .deb in $dist"
[[ -f "${rpms[0]}" && ${#rpms[@]} == 1 ]] || fail "expected one .rpm in $dist"
[[ -x "$dist/Registrar/bin/Registrar" ]] || fail "no app-image launcher in $dist/Registrar"
rpm -qp --scripts "${rpms[0]}" | grep -q 'system-integration.sh install' || fail "the .rpm does not connect the app to the desktop"

if dpkg-query -W registrar >/dev/null 2>&1; then
  step "removing a Registrar left installed by an earlier run"
  apt-get purge -y -qq registrar >/dev/null
fi

step "installing ${debs[0]}"
apt-get install -y -qq "./${debs[0]}" >/dev/null
have_pkg registrar || fail "registrar is not installed"
installed="$(dpkg-query -W -f='${Version}' registrar)"
[[ "$installed" == "$version-1" ]] || fail "installed version $installed, expected $version-1"
for f in /opt/registrar/bin/Registrar /usr/bin/registrar /usr/share/applications/registrar.desktop \
  /usr/share/icons/hicolor/48x48/apps/registrar.png /usr/share/icons/hicolor/256x256/apps/registrar.png \
  /opt/registrar/lib/app/registrar.jsa; do
  [[ -e "$f" ]] || fail "$f is missing after installing"
done
grep -qx 'Exec=/opt/registrar/bin/Registrar' /usr/share/applications/registrar.desktop || fail "the menu entry starts the wrong program"

printed="$(/usr/bin/registrar --version)"
step "registrar --version: $printed"
[[ "$printed" == "Registrar $version" ]] || fail "--version printed '$printed', expected 'Registrar $version'"
# The class-data sharing archive made at install time must match the installed app (-Xshare:on fails otherwise).
JAVA_TOOL_OPTIONS=-Xshare:on /opt/registrar/bin/Registrar --version >/dev/null 2>&1 || fail "the start-up archive does not fit the installed app"

step "starting the installed app under Xvfb until its first window shows"
mkdir -p target/ci
rm -f target/ci/installed-app.png
scripts/measure-startup.sh --runs 5 --screenshot target/ci/installed-app.png /opt/registrar/bin/Registrar
[[ -s target/ci/installed-app.png ]] || fail "no screenshot"
# A window that painted has text and controls: far more than a handful of colours.
colours="$(convert target/ci/installed-app.png -format '%k' info:)"
((colours > 50)) || fail "the screenshot has only $colours colours: the window did not paint"
step "screenshot target/ci/installed-app.png ($colours colours)"

step "sizes (budgets: installer <= 80 MB, app-image <= 120 MB; printed, not enforced)"
awk '{printf "  %-9s %6.1f MB  %s\n", $1, $2 / 1024, $4}' target/installer/sizes.txt

step "uninstalling"
apt-get purge -y -qq registrar >/dev/null
! have_pkg registrar || fail "registrar is still installed"
for f in /opt/registrar /usr/bin/registrar /usr/share/applications/registrar.desktop \
  /usr/share/icons/hicolor/48x48/apps/registrar.png; do
  [[ ! -e "$f" && ! -L "$f" ]] || fail "$f is left after uninstalling"
done
step "the .deb installs, starts, prints its version and uninstalls cleanly"
