#!/bin/sh
# Connects an installed Registrar to the Linux desktop, and disconnects it again. The .deb (postinst, prerm) and the
# .rpm (%post, %preun) call it; it also serves an app-image unpacked by hand (run it as root).
#
#   system-integration.sh install   menu entry, icons in the hicolor theme, `registrar` on the PATH, and the
#                                   class-data sharing archive that makes the app start about a third faster
#   system-integration.sh remove    undoes each of these
#
# jpackage's own --linux-shortcut is not used: its scripts call xdg-desktop-menu, which fails where
# /usr/share/desktop-directories or /etc/xdg/menus/applications-merged are missing (servers, minimal images).
set -eu

here=$(cd "$(dirname "$0")" && pwd)   # <root>/lib/linux
root=$(cd "$here/../.." && pwd)
launcher="$root/bin/Registrar"
archive="$root/lib/app/registrar.jsa"   # the path in the launcher's -XX:SharedArchiveFile
apps=/usr/share/applications
icons=/usr/share/icons/hicolor
link=/usr/bin/registrar

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t "$icons" || true
  fi
}

icon_sizes() {
  for png in "$here"/icons/registrar-*.png; do
    size=${png##*-}
    echo "${size%.png}"
  done
}

case "${1:-}" in
  install)
    mkdir -p "$apps"
    sed "s|^Exec=.*|Exec=$launcher|" "$here/registrar.desktop" > "$apps/registrar.desktop"
    chmod 644 "$apps/registrar.desktop"
    for size in $(icon_sizes); do
      mkdir -p "$icons/${size}x${size}/apps"
      cp "$here/icons/registrar-$size.png" "$icons/${size}x${size}/apps/registrar.png"
      chmod 644 "$icons/${size}x${size}/apps/registrar.png"
    done
    # A command for terminals (`registrar --version`), unless something else already owns the name.
    if [ ! -e "$link" ] || [ "$(readlink "$link")" = "$launcher" ]; then ln -sfn "$launcher" "$link"; fi
    # Class-data sharing: the JVM maps the classes listed at build time (a run up to the first window) from one
    # file instead of loading them one by one. The archive records the jar paths, so it is made here, where the
    # app now lives, by the app's own launcher; it takes a few seconds and is never required.
    rm -f "$archive"
    if [ -f "$here/registrar.classlist" ]; then
      if ! JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$here/registrar.classlist" "$launcher" \
          >/dev/null 2>&1; then
        rm -f "$archive"
        echo "registrar: could not prepare the start-up cache; Registrar works, only starts slower" >&2
      fi
    fi
    refresh_caches
    ;;
  remove)
    rm -f "$apps/registrar.desktop" "$archive"
    for size in $(icon_sizes); do rm -f "$icons/${size}x${size}/apps/registrar.png"; done
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$launcher" ]; then rm -f "$link"; fi
    refresh_caches
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac
