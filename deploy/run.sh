#!/usr/bin/env bash
# Starts Waymark from the runnable jar, quicker: the jar extracted once (java -Djarmode=tools ... extract), Spring AOT's
# bean definitions generated when the jar was built (-Dspring.aot.enabled=true; WAYMARK_AOT=false starts without them),
# and a class-data-sharing archive of the classes a start loads up to its first answer, made once by a training run
# (the jar's cds-training, as startup-bench's cds modes make theirs: Waymark starts in local mode on a scratch H2
# database and free ports, answers a new person's "hello" on /api/messages, and is stopped by SIGTERM, after which the
# JVM writes the archive). Spring Boot's own training run (-Dspring.context.exit=onRefresh) exits before the deferred
# repositories are built and before any turn, so its archive lacked their classes. Both are made again when the jar
# changes. Arguments and JAVA_OPTS pass through, e.g.
#   JAVA_OPTS=-Xmx512m deploy/run.sh --spring.profiles.active=demo
# WAYMARK_JAR (default target/waymark-*.jar) and WAYMARK_APP_DIR (default target/waymark-app) say where.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${WAYMARK_JAR:-$( (ls "$root"/target/waymark-*.jar 2>/dev/null || true) | grep -v -e '-plain.jar$' | head -n 1 || true)}"
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "No runnable jar: build it first with ./mvnw -DskipTests -Dskip.e2e package (or set WAYMARK_JAR)." >&2
  exit 1
fi
app="${WAYMARK_APP_DIR:-$root/target/waymark-app}"
extracted="$app/$(basename "$jar")"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
if [ ! -f "$extracted" ] || [ "$jar" -nt "$extracted" ]; then
  echo "Extracting $(basename "$jar") into $app (once per build)..." >&2
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >&2
  touch "$extracted"
fi
# AOT where the jar was built with it (the build's process-aot step; skipped with -Dspring-boot.aot.skip).
aot=""
if [ "${WAYMARK_AOT:-true}" != false ] && grep -qa 'WaymarkApplication__ApplicationContextInitializer' "$extracted"; then
  aot="-Dspring.aot.enabled=true"
fi
# The deployed JVM options (bench.DeployedJvm; the container image's are the same, docs/operations.md#heap): the quick JIT
# compiler only, the parallel collector, kept to a heap near what the load needs, starting small; JAVA_OPTS comes after, so it can override them, and
# if it chooses a collector of its own, that one alone is used.
deployed="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:GCTimeRatio=19 -Xms64m"
if [[ "${JAVA_OPTS:-}" =~ -XX:\+Use[A-Za-z]*GC ]]; then
  deployed="-XX:TieredStopAtLevel=1 -Xms64m"
fi
# One archive per way of starting: the classes an AOT start loads are not those of an ordinary one.
archive="$app/waymark${aot:+-aot}.jsa"
if [ ! -f "$archive" ]; then
  echo "Training run for the class-data-sharing archive (once per build, about as long as a start)..." >&2
  # The training run must never touch real data: cds-training gives Waymark a scratch database (named outright), local
  # mode, free ports and no profile, whatever the environment says; JAVA_OPTS and AOT are the trained start's own.
  java -jar "$extracted" cds-training --archive "$archive" --jvm="$deployed ${JAVA_OPTS:-} $aot" >/dev/null 2>&1 \
    || echo "The training run failed; starting without the archive." >&2
fi
if [ -f "$archive" ]; then
  exec java -XX:SharedArchiveFile="$archive" $aot $deployed ${JAVA_OPTS:-} -jar "$extracted" "$@"
fi
exec java $aot $deployed ${JAVA_OPTS:-} -jar "$extracted" "$@"
