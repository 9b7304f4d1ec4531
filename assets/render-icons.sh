#!/usr/bin/env bash
# Renders the Semdex icon master (assets/semdex.svg) into the PNG sizes, the Windows .ico and the macOS .icns
# that the installers use. The results are committed; run this again only after changing the SVG.
# Needs (Debian): apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
out=icons
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" semdex.svg -o "$out/semdex-$size.png"
done
# Windows: one .ico (ImageMagick's own convert, named by path) holding the sizes Explorer and the taskbar ask for.
/usr/bin/convert "$out"/semdex-{16,24,32,48,64,128,256}.png "$out/semdex.ico"
# macOS: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512, 1024).
png2icns "$out/semdex.icns" "$out"/semdex-{16,32,48,128,256,512,1024}.png >/dev/null
ls -l "$out"
