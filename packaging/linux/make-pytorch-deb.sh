#!/usr/bin/env bash
# Builds semdex-pytorch_<version>-1_amd64.deb: PyTorch's CPU libraries (the pytorch-native-cpu jar, 107 MiB) for
# TorchScript (model.pt) models, which few users run, so the semdex package stays small. It puts the jar where the
# app's class path already names it (/opt/semdex/lib/app/lib) and makes the class-data archive again, since the
# class path it was made with changed.
#   make-pytorch-deb.sh VERSION LIB_DIR DEST_DIR      (run by mvn -Pinstaller package on Linux)
set -euo pipefail
version=$1
lib=$2
dest=$3
jar=$(ls "$lib"/pytorch-native-cpu-*-linux-x86_64.jar)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -D -m 644 "$jar" "$root/opt/semdex/lib/app/lib/$(basename "$jar")"
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: semdex-pytorch
Version: $version-1
Architecture: amd64
Maintainer: semdex@users.noreply.github.com
Depends: semdex (= $version-1)
Installed-Size: $(du -sk "$root/opt" | cut -f1)
Section: utils
Priority: optional
Description: PyTorch CPU libraries for Semdex's TorchScript models
 Semdex runs ONNX models without this package; models given as TorchScript
 (model.pt) need it.
CONTROL
# semdex's own postinst makes the class-data archive for the class path as it is now
for script in postinst postrm; do
  cat > "$root/DEBIAN/$script" <<'SCRIPT'
#!/bin/sh
set -e
if [ -x /var/lib/dpkg/info/semdex.postinst ] && [ -d /opt/semdex/lib/app ]; then
    /var/lib/dpkg/info/semdex.postinst configure || true
fi
SCRIPT
  chmod 755 "$root/DEBIAN/$script"
done
mkdir -p "$dest"
DPKG_DEB_COMPRESSOR_TYPE=gzip dpkg-deb --root-owner-group --build "$root" "$dest/semdex-pytorch_${version}-1_amd64.deb" >/dev/null
echo "semdex-pytorch: $dest/semdex-pytorch_${version}-1_amd64.deb"
