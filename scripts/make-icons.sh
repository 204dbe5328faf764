#!/usr/bin/env bash
# Renders every icon file from the one vector source, icons/registrar.svg, so that a new icon is one file change:
#
#   icons/png/registrar-<size>.png          16 … 512 px, for Linux (hicolor theme) and the installers
#   icons/registrar.ico                      16 … 256 px, for Windows (launcher, start menu, Add/Remove Programs)
#   icons/registrar.icns                     16 … 1024 px, for macOS (app bundle, disk image)
#   src/main/resources/app/registrar/icons/  16 … 256 px, the window icons the app loads from its class path
#
# Needs (installs nothing itself): rsvg-convert, ImageMagick's convert and png2icns.
#   Debian/Ubuntu: apt-get install librsvg2-bin imagemagick icnsutils
#   macOS (Homebrew): brew install librsvg imagemagick libicns
# The outputs are committed, so building the app or its installers never needs these tools.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=icons/registrar.svg
missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=("rsvg-convert (Debian: librsvg2-bin)")
command -v convert >/dev/null 2>&1 || missing+=("convert (Debian: imagemagick)")
command -v png2icns >/dev/null 2>&1 || missing+=("png2icns (Debian: icnsutils)")
if ((${#missing[@]})); then
  printf 'make-icons.sh: missing %s\n' "${missing[@]}" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# rsvg-convert writes no time stamps, so an unchanged source gives byte-identical files (no noise in git).
render() { rsvg-convert --width "$1" --height "$1" --format png --output "$2" "$SOURCE"; }

mkdir -p icons/png
rm -f icons/png/registrar-*.png
for size in 16 24 32 48 64 128 256 512; do
  render "$size" "icons/png/registrar-$size.png"
done

resources=src/main/resources/app/registrar/icons
mkdir -p "$resources"
for size in 16 32 48 64 128 256; do
  cp "icons/png/registrar-$size.png" "$resources/registrar-$size.png"
done

# Windows picks the nearest size for each place it shows an icon; 256 px is stored as PNG inside the .ico.
convert icons/png/registrar-{16,24,32,48,64,128,256}.png icons/registrar.ico

# macOS: 16, 32, 128, 256, 512 and 1024 px (the "@2x" of 512).
render 1024 "$work/registrar-1024.png"
png2icns icons/registrar.icns icons/png/registrar-{16,32,128,256,512}.png "$work/registrar-1024.png" >/dev/null

echo "make-icons.sh: wrote icons/png/, icons/registrar.ico, icons/registrar.icns and $resources/ from $SOURCE"
