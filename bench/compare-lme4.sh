#!/usr/bin/env bash
# Times lme4 and Glimmer on the benchmark shapes (docs/BENCHMARKS.md), both fitting the same CSV:
#   bench/compare-lme4.sh [--glimmer-only] [--no-sleepstudy] [shape...]      (default: all of a b c d e f)
# For each shape: generates bench/data/<shape>.csv if missing; times lme4's lmer/glmer in R around the
# fit only (bench/fit-lme4.R); times Glimmer's in-process fit in a fresh JVM (io.glimmer.bench.TimeFit:
# a cold fit, the first in the JVM, then a warm one); prints a Markdown table. Then times the whole
# `./glimmer fit` process on sleepstudy (hyperfine when installed, else repeated `time`).
# Where R or lme4 is missing it says so and times Glimmer only. Output is also saved in bench/results/.
# Seconds are wall clock; CPU seconds (of the R process / of the whole Glimmer JVM) are printed beside them
# because other processes on a shared 2-core machine inflate the wall clock.
# Environment:
#   BENCH_JAR       the benchmarks jar (default glimmer-bench/target/benchmarks.jar, built when missing or stale)
#   GLIMMER_JAVA_OPTS  JVM options for TimeFit (default -Xmx2g)
#   TIMEOUT         seconds allowed to each side of a shape (default 900; a cold fit over 300 s skips the warm fit)
#   WARM_LIMIT      skip Glimmer's warm fit when the cold one took longer (default 300)
#   SLEEPSTUDY_RUNS runs of ./glimmer fit on sleepstudy (default 10)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$here")"
jar="${BENCH_JAR:-$root/glimmer-bench/target/benchmarks.jar}"
java_opts="${GLIMMER_JAVA_OPTS:--Xmx2g}"
timeout_s="${TIMEOUT:-900}"
warm_limit="${WARM_LIMIT:-300}"
runs="${SLEEPSTUDY_RUNS:-10}"
use_r=1
sleepstudy=1
shapes=()
for a in "$@"; do
  case "$a" in
    --glimmer-only) use_r=0 ;;
    --no-sleepstudy) sleepstudy=0 ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) shapes+=("$a") ;;
  esac
done
[ ${#shapes[@]} -gt 0 ] || shapes=(a b c d e f)

cd "$root"
if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find pom.xml glimmer-core/pom.xml glimmer-core/src glimmer-bench/pom.xml glimmer-bench/src -newer "$jar" -print -quit)" ]; }; then
  echo "building $jar ..." >&2
  mvn -B -q -Pbench -DskipTests -pl glimmer-bench -am package >&2
fi

mkdir -p "$here/results"
log="$here/results/compare-$(date +%Y%m%d-%H%M%S).log"
exec > >(tee "$log") 2>&1

if [ "$use_r" = 1 ]; then
  if ! command -v Rscript >/dev/null 2>&1; then
    echo "R is not installed (no Rscript): timing Glimmer only."; use_r=0
  elif ! Rscript -e 'suppressPackageStartupMessages(library(lme4))' >/dev/null 2>&1; then
    echo "R is installed but lme4 is not: timing Glimmer only."; use_r=0
  fi
fi

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(hostname): $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "# $(java -version 2>&1 | head -1); Glimmer JVM options: $java_opts"
[ "$use_r" = 1 ] && echo "# $(Rscript -e 'cat(R.version.string, "lme4", as.character(packageVersion("lme4")))' 2>/dev/null)"
echo "# git: $(git -C "$root" describe --always --dirty 2>/dev/null || echo 'not a git checkout')"
echo

val() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'; }
delta() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^-?[0-9.]+$/ && b ~ /^-?[0-9.]+$/) printf "%+.4f", a - b; else print "-" }'; }

rows=()
for s in "${shapes[@]}"; do
  java -cp "$jar" io.glimmer.bench.Generate --if-missing "$s" | sed 's/^/  /'
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  r_s="-"; r_cpu="-"; r_ll="-"; r_ev="-"
  if [ "$use_r" = 1 ]; then
    echo "## $s: lme4"
    if out="$(timeout "$timeout_s" Rscript "$here/fit-lme4.R" "bench/data/$s.spec" "bench/data/$s.csv" 2>&1)"; then
      echo "$out"
      line="$(grep '^LME4 ' <<<"$out" || true)"
      r_s="$(val seconds <<<"$line")"; r_cpu="$(val cpu <<<"$line")"; r_ll="$(val loglik <<<"$line")"; r_ev="$(val evals <<<"$line")"
    else
      echo "$out"; r_s="failed/timeout ${timeout_s}s"
    fi
  fi
  echo "## $s: Glimmer ($java_opts)"
  out="$(timeout "$timeout_s" java $java_opts -cp "$jar" io.glimmer.bench.TimeFit --warm-limit "$warm_limit" "$s" 2>&1)" || true
  echo "$out" | grep -v '^\s*at ' | head -40
  cold="$(grep '^COLD ' <<<"$out" || true)"; warm="$(grep '^WARM .*seconds=' <<<"$out" || true)"
  g_cold="$(val seconds <<<"$cold")"; g_warm="$(val seconds <<<"$warm")"
  g_cold_cpu="$(val cpu <<<"$cold")"; g_warm_cpu="$(val cpu <<<"$warm")"
  g_ll="$(val loglik <<<"$cold")"; g_ev="$(val evals <<<"$cold")"
  if [ -z "$g_cold" ]; then
    if grep -q OutOfMemoryError <<<"$out"; then g_cold="out of memory"; else g_cold="no result in ${timeout_s}s"; fi
  fi
  [ -n "$g_warm" ] || g_warm="-"
  load="$load → $(cut -d' ' -f1-3 /proc/loadavg)"
  rows+=("| $s | ${r_s} (${r_cpu}) | ${g_cold} (${g_cold_cpu:--}) | ${g_warm} (${g_warm_cpu:--}) | $(ratio "$g_cold" "$r_s") | $(ratio "$g_warm" "$r_s") | $(ratio "${g_warm_cpu:-}" "$r_cpu") | ${r_ll} | ${g_ll:--} | $(delta "${g_ll:-}" "$r_ll") | ${r_ev} | ${g_ev:--} | $load |")
done

echo
echo "Seconds are wall clock around the fit, (CPU seconds of the R process / the whole Glimmer JVM) in brackets; ratios are Glimmer / lme4."
echo "| shape | lme4 s (cpu) | Glimmer cold s (cpu) | Glimmer warm s (cpu) | cold/lme4 | warm/lme4 | warm/lme4 cpu | lme4 logLik | Glimmer logLik | Glimmer − lme4 | lme4 evals | Glimmer evals | load (1/5/15 min, before → after) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"

if [ "$sleepstudy" = 1 ]; then
  echo
  cmd=("$root/glimmer" fit --data "$root/examples/sleepstudy.csv" --formula "Reaction ~ Days + (Days | Subject)")
  "${cmd[@]}" >/dev/null  # builds the CLI jar first when needed (not timed)
  echo "## whole process: ./glimmer fit --data examples/sleepstudy.csv --formula \"Reaction ~ Days + (Days | Subject)\" (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$here/results/sleepstudy.md" \
      "$root/glimmer fit --data $root/examples/sleepstudy.csv --formula 'Reaction ~ Days + (Days | Subject)'" 2>&1 | grep -v '^\s*$'
  else
    times=()
    for _ in $(seq "$runs"); do
      t0=$(date +%s.%N); "${cmd[@]}" >/dev/null; t1=$(date +%s.%N)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d runs: min %.3f s, median %.3f s, max %.3f s\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
  fi
fi
echo "(saved in $log)"
