#!/bin/sh
# The real-world check: installs Debian's python3-doc (the Python manual as Sphinx HTML, PSF licence), copies the part
# the questions are about into a folder of its own, indexes it and prints success@1/@3, MRR@10 and nDCG@10 per mode.
#
#   src/test/realworld/python-docs.sh [WORK_DIR] [extra eval options, e.g. --model bge-small-en-v1.5 --misses]
#
# Needs root (or sudo) for apt-get once, and target/semdex.jar (mvn -DskipTests package); SEMDEX_JAR names another
# build (a semdex.jar with its lib/ folder beside it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=${1:-/tmp/semdex-python-docs}
[ $# -gt 0 ] && shift
html=$(ls -d /usr/share/doc/python3*/html 2>/dev/null | head -n 1 || true)
if [ -z "$html" ] || [ ! -f "$html/tutorial/index.html" ]; then
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y python3-doc; else sudo apt-get install -y python3-doc; fi
    html=$(ls -d /usr/share/doc/python3*/html | head -n 1)
fi
# The subset: the tutorial, the FAQs, the HOWTOs, "Python Setup and Usage", the glossary, the start page and the
# whole-site table of contents, with the site's build files (search index, scripts, stylesheets, images) as a
# Sphinx site ships them; the library and language references are left out to keep indexing to a few minutes.
folder="$work/python-docs"
rm -rf "$folder"
mkdir -p "$folder"
(cd "$html" && cp -rL tutorial faq howto using _static _images glossary.html index.html contents.html \
    searchindex.js "$folder"/)
java=${JAVA:-java}
jar=${SEMDEX_JAR:-"$repo/target/semdex.jar"}
start=$(date +%s)
"$java" --add-modules jdk.incubator.vector -jar "$jar" --data-dir "$work/data" index "$folder"
echo "indexed in $(( $(date +%s) - start )) s" >&2
"$java" --add-modules jdk.incubator.vector -jar "$jar" --data-dir "$work/data" status >&2 || true
"$java" --add-modules jdk.incubator.vector -jar "$jar" --data-dir "$work/data" eval \
    --questions "$here/python-docs.tsv" --folder "$folder" "$@"
