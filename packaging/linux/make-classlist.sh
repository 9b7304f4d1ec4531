#!/usr/bin/env bash
# Regenerates packaging/semdex.classlist: the classes the window loads while it starts on an index with a
# folder in it (index opened, FXML views, the start-up re-check with the default model). `mvn package` turns it
# into target/semdex.jsa, and the installed package into a class-data sharing archive on the machine it is
# installed on (resources/postinst); either makes the window start about 0.8 s sooner. Names only, no paths: a
# stale list costs nothing but the classes it misses.
#
# Needs target/semdex.jar (mvn -B -DskipTests package) and xvfb-run. Run from anywhere:
#   packaging/linux/make-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=target/semdex.jar
[ -f "$jar" ] || { echo "make-classlist.sh: build $jar first (mvn -B -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d /tmp/semdex-classlist.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/docs"
echo "Photosynthesis lets plants turn sunlight, water and carbon dioxide into sugar and oxygen." > "$work/docs/plants.txt"
java -jar "$jar" --data-dir "$work/data" index "$work/docs" > "$work/index.log" 2>&1

list="$work/semdex.classlist"
xvfb-run -a java -XX:DumpLoadedClassList="$list" --add-modules jdk.incubator.vector -jar "$jar" \
  --data-dir "$work/data" > "$work/window.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  grep -q "Window ready" "$work/window.log" && break
  sleep 1
done
grep "Window ready" "$work/window.log" || { cat "$work/window.log" >&2; kill "$pid"; exit 1; }
sleep 5 # the start-up re-check runs just after the window shows
kill "$pid"
wait "$pid" 2>/dev/null || true
cp "$list" packaging/semdex.classlist
echo "packaging/semdex.classlist: $(grep -vc '^#' packaging/semdex.classlist) entries"
