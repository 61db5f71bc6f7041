#!/usr/bin/env bash
# A flat CPU profile of Glimmer's cold fit of one shape, from Java Flight Recorder:
#   bench/profile.sh SHAPE [JFR_FILE]
# Runs io.glimmer.bench.TimeFit --cold-only SHAPE under JFR (settings=profile: a stack sample every
# 10-20 ms of running Java code) and prints the methods most often on top of the stack (self) and
# anywhere on it (total). The recording stays in bench/results/ for `jfr print` or JDK Mission Control.
# JAVA_OPTS adds JVM options (default -Xmx2g); BENCH_JAR overrides the jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$here")"
jar="${BENCH_JAR:-$root/glimmer-bench/target/benchmarks.jar}"
shape="${1:?usage: bench/profile.sh SHAPE [JFR_FILE]}"
mkdir -p "$here/results"
jfr="${2:-$here/results/profile-$shape.jfr}"
[ -f "$jar" ] || { echo "no $jar: build it with: mvn -B -q -Pbench -DskipTests -pl glimmer-bench -am package" >&2; exit 1; }
cd "$root"
java -cp "$jar" io.glimmer.bench.Generate --if-missing "$shape" >/dev/null
echo "load before: $(uptime)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -XX:StartFlightRecording=filename="$jfr",settings=profile,dumponexit=true \
  -cp "$jar" io.glimmer.bench.TimeFit --cold-only "$shape" 2> >(grep -v 'jdk.jfr\|Started recording\|Use jcmd' >&2)
echo "load after: $(uptime)"
java -cp "$jar" io.glimmer.bench.JfrTop "$jfr" "${TOP:-25}"
