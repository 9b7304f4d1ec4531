#!/usr/bin/env bash
# End-to-end test of the Linux installer, as a user would meet it: builds the .deb, installs it with dpkg (apt-get
# fetches missing dependencies), runs the installed CLI (version, then index + search of a few text files with the
# embedded model, offline, from an empty home), opens the window under Xvfb and waits for the "Semdex" window,
# then removes the package and checks that nothing is left in /opt/semdex or on the PATH.
#
# Needs root (dpkg) and: xvfb xauth xdotool fakeroot binutils (jpackage), see .ci/run.
#   packaging/linux/test-deb.sh              build, then test
#   SKIP_BUILD=1 packaging/linux/test-deb.sh test the .deb already in target/installer
set -euo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*" >&2; }
die() { fail "$*"; finish; }
began=$(date +%s)
finish() {
  echo "installer test: $(( $(date +%s) - began )) s"
  echo "installer: $passed passed, $failed failed"
  [ "$failed" = 0 ] && exit 0 || exit 1
}
seconds() { echo $(( $(date +%s) - $1 )); }

[ "$(id -u)" = 0 ] || { echo "test-deb.sh: run as root (it installs a package with dpkg)" >&2; exit 2; }

work=$(mktemp -d /tmp/semdex-deb-test.XXXXXX)
gui_pid=
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' semdex 2>/dev/null | grep -q "installed"; then
    dpkg -r semdex >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' semdex 2>/dev/null | grep -q "installed"; then
  echo "test-deb.sh: removing the semdex package already installed on this machine first"
  dpkg -r semdex >/dev/null
fi

# 1. Build
if [ "${SKIP_BUILD:-}" != 1 ]; then
  start=$(date +%s)
  mvn -B -q -Pinstaller -DskipTests package > "$work/build.log" 2>&1 \
    || { tail -50 "$work/build.log" >&2; die "mvn -Pinstaller package failed"; }
  ok "built the installer in $(seconds "$start") s"
  # The package phase also made target/semdex.jsa for the README's run command; -Xshare:on fails if it cannot map it.
  if java -Xshare:on -XX:SharedArchiveFile=target/semdex.jsa -jar target/semdex.jar --version > /dev/null 2>&1; then
    ok "the README's run command maps target/semdex.jsa"
  else
    fail "target/semdex.jsa is missing or does not map for java -jar target/semdex.jar"
  fi
fi
deb=$(ls target/installer/semdex_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || die "no target/installer/semdex_*_amd64.deb"
echo "     $deb: $(du -m "$deb" | cut -f1) MB, Installed-Size $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
dpkg-deb -f "$deb" Recommends | grep -q "tesseract-ocr" || die "the .deb does not recommend tesseract-ocr (OCR)"

# 2. Install; apt-get -f brings the dependencies dpkg reports missing
start=$(date +%s)
if ! dpkg -i "$deb" > "$work/install.log" 2>&1; then
  apt-get install -f -y -qq >> "$work/install.log" 2>&1 || true
fi
if dpkg-query -W -f='${Status}' semdex | grep -q "install ok installed"; then
  ok "dpkg -i installed $(dpkg-query -W -f='${Package} ${Version}' semdex) in $(seconds "$start") s"
else
  cat "$work/install.log" >&2
  die "the package did not install"
fi
for f in /opt/semdex/bin/semdex /opt/semdex/bin/semdex-cli; do
  [ -x "$f" ] || die "$f is missing"
done
[ "$(readlink /usr/bin/semdex-cli)" = /opt/semdex/bin/semdex-cli ] || die "/usr/bin/semdex-cli does not link to the launcher"
grep -q '^Icon=/opt/semdex/lib/semdex.png' /opt/semdex/lib/semdex-semdex.desktop && [ -s /opt/semdex/lib/semdex.png ] \
  || die "the desktop entry or its icon is missing"
ok "launchers in /opt/semdex/bin, semdex-cli on the PATH, desktop entry with the Semdex icon"
# The class-data archive postinst makes; -Xshare:on makes the JVM refuse to start if it cannot map it.
if [ -s /opt/semdex/lib/app/semdex.jsa ] \
    && _JAVA_OPTIONS=-Xshare:on /opt/semdex/bin/semdex-cli --version > /dev/null 2> "$work/cds.log"; then
  ok "postinst made the class-data archive ($(du -m /opt/semdex/lib/app/semdex.jsa | cut -f1) MB), the launcher maps it"
else
  cat "$work/install.log" "$work/cds.log" >&2
  fail "no usable class-data archive in /opt/semdex/lib/app"
fi

# 3. The CLI, from an empty home: no caches, no network, only what the package brings
export HOME="$work/home"
mkdir -p "$HOME"
version=$(semdex-cli --version 2>/dev/null)
expected="semdex $(dpkg-query -W -f='${Version}' semdex | sed 's/-[0-9]*$//')"
[ "$version" = "$expected" ] && ok "semdex-cli --version prints '$version'" || fail "semdex-cli --version printed '$version', expected '$expected'"

docs="$work/docs"
mkdir -p "$docs"
echo "Sourdough bread needs a starter of flour and water, a long rise and a very hot oven." > "$docs/baking.txt"
echo "The goalkeeper saved a penalty in the last minute and the team won the cup final." > "$docs/football.txt"
echo "Photosynthesis lets plants turn sunlight, water and carbon dioxide into sugar and oxygen." > "$docs/plants.txt"
start=$(date +%s)
if semdex-cli --data-dir "$work/data" index "$docs" > "$work/index.log" 2>&1; then
  ok "semdex-cli index of 3 files in $(seconds "$start") s (model load included)"
else
  cat "$work/index.log" >&2
  die "semdex-cli index failed"
fi
# A query sharing no word with the document: only the embedded model can rank it first.
top=$(semdex-cli --data-dir "$work/data" search "how do leaves make food from light" --mode vector -k 1 --json 2>"$work/search.log" \
  | grep -o '"path" *: *"[^"]*"' | head -1 || true)
case "$top" in
  *plants.txt*) ok "semdex-cli search (vector) ranks plants.txt first" ;;
  *) cat "$work/search.log" >&2; fail "semdex-cli search returned '$top', expected plants.txt" ;;
esac
[ -d "$work/data/cache" ] && ok "caches went to the data folder's cache" || fail "no cache folder under --data-dir"

# 4. The window, under Xvfb
cat > "$work/gui.sh" <<EOF
/opt/semdex/bin/semdex --data-dir "$work/gui-data" > "$work/gui.log" 2>&1 &
pid=\$!
for i in \$(seq 1 90); do
  # xdotool matches names case-insensitively; the visible window is the stage, its name must be exactly "Semdex"
  for w in \$(xdotool search --onlyvisible --name '^Semdex\$' 2>/dev/null); do
    if [ "\$(xdotool getwindowname "\$w")" = Semdex ]; then
      echo "window \$w after \$i s, \$(grep -o 'Window ready [0-9]* ms' "$work/gui.log")"
      kill \$pid; wait \$pid 2>/dev/null; exit 0
    fi
  done
  kill -0 \$pid 2>/dev/null || { echo "the app exited"; exit 1; }
  sleep 1
done
kill \$pid; exit 1
EOF
if result=$(xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/gui.sh" 2>&1); then
  ok "the installed app opened a window titled Semdex ($result)"
else
  cat "$work/gui.log" >&2
  fail "no window titled Semdex appeared: $result"
fi

# 5. Remove
start=$(date +%s)
if dpkg -r semdex > "$work/remove.log" 2>&1; then
  ok "dpkg -r semdex in $(seconds "$start") s"
else
  cat "$work/remove.log" >&2
  fail "dpkg -r semdex failed"
fi
left=$(find /opt/semdex 2>/dev/null | head -5 || true)
[ -z "$left" ] && ok "nothing left under /opt/semdex" || fail "left under /opt/semdex: $left"
[ ! -e /usr/bin/semdex-cli ] && [ ! -L /usr/bin/semdex ] && ok "no semdex links left in /usr/bin" || fail "links left in /usr/bin"
dpkg --purge semdex >/dev/null 2>&1 || true

finish
