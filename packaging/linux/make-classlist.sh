#!/usr/bin/env bash
# Regenerates packaging/semdex.classlist: the classes the window loads until its first frame is drawn, on an index
# with a folder in it (index opened, FXML views, theme). `mvn package` turns it into target/semdex.jsa, and the
# installed package into a class-data sharing archive on the machine it is installed on (resources/postinst);
# either makes the window start about 1 s sooner. The list stops at "Window ready": the JVM maps and relocates the
# whole archive before main, so the classes of the work after the first frame (model, start-up re-check) made it
# 16 MB larger and the window 0.1 s later, while a first search from the command line took as long without them
# (README, start-up row). Names only, no paths: a stale list costs nothing but the classes it misses.
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
cat > "$work/window.sh" <<EOF
java -XX:DumpLoadedClassList="$list" --add-modules jdk.incubator.vector -jar "$jar" --data-dir "$work/data" \\
  > "$work/window.log" 2>&1 &
pid=\$!
for _ in \$(seq 1 1200); do
  grep -q "Window ready" "$work/window.log" && break
  sleep 0.05
done
kill \$pid # at once: the list ends with the first frame
wait \$pid 2>/dev/null
grep -q "Window ready" "$work/window.log"
EOF
xvfb-run -a bash "$work/window.sh" || { cat "$work/window.log" >&2; exit 1; }
grep "Window ready" "$work/window.log"
cp "$list" packaging/semdex.classlist
echo "packaging/semdex.classlist: $(grep -vc '^#' packaging/semdex.classlist) entries"
