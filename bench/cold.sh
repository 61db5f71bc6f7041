#!/usr/bin/env bash
# Issue 15's cold table: each shape fitted in a new process by lme4 and by Glimmer, alternately, RUNS times:
#   bench/cold.sh [SHAPE...]        (default: a b c f, then sleepstudy; RUNS=1; NO_R=1 times Glimmer only)
# lme4: the whole `Rscript bench/fit-lme4.R` process (R's start, read.csv, the fit) and its fit (system.time).
# Glimmer: the whole `./glimmer fit --format json` process (the launcher's JVM: JDK 25 with its AOT cache where one
# is found, else JDK 17 with its class-data archive; reading, the fit, the JSON) and its fit ("fit_seconds").
# For b (VerbAgg-like) also glmmTMB's whole process and fit (`bench/fit-lme4.R ... glmmTMB`), the issue's anchor.
# One line per process: "SIDE shape=S process=WALL user=U sys=S fit=F loglik=L". Data: bench/data (Generate).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$here")"
cd "$root"
runs="${RUNS:-1}"
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(a b c f sleepstudy)
./glimmer --version >/dev/null   # builds the jar and trains its cache first, outside the timings
spec() { sed -n "s/^$2=//p" "bench/data/$1.spec"; }
timed() { # prints "process=... user=... sys=..." then the command's output
  local t; t="$(mktemp)"
  /usr/bin/time -f "process=%e user=%U sys=%S" -o "$t" "$@" >"$t.out" 2>&1 || true
  cat "$t"; cat "$t.out"; rm -f "$t" "$t.out"
}
for s in "${shapes[@]}"; do
  for ((i = 1; i <= runs; i++)); do
    if [ "$s" = sleepstudy ]; then
      [ -n "${NO_R:-}" ] || { out="$(timed Rscript -e 'suppressPackageStartupMessages(library(lme4)); d <- read.csv("examples/sleepstudy.csv"); print(system.time(fit <- lmer(Reaction ~ Days + (Days | Subject), d))[["elapsed"]]); cat(logLik(fit), "\n")')"
        echo "lme4 shape=$s $(head -1 <<<"$out") fit=$(sed -n '2s/^\[1\] //p' <<<"$out") loglik=$(sed -n 3p <<<"$out")"; }
      out="$(timed ./glimmer fit --data examples/sleepstudy.csv --formula "Reaction ~ Days + (Days | Subject)" --format json)"
    else
      java -cp glimmer-bench/target/benchmarks.jar io.glimmer.bench.Generate --if-missing "$s" >/dev/null 2>&1 || true
      [ -n "${NO_R:-}" ] || { out="$(timed Rscript bench/fit-lme4.R "bench/data/$s.spec" "bench/data/$s.csv")"
        echo "lme4 shape=$s $(head -1 <<<"$out") fit=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$out") loglik=$(sed -n 's/.*loglik=\([-0-9.]*\).*/\1/p' <<<"$out")"
        if [ "$s" = b ]; then out="$(timed Rscript bench/fit-lme4.R "bench/data/$s.spec" "bench/data/$s.csv" glmmTMB)"
          echo "glmmTMB shape=$s $(head -1 <<<"$out") fit=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$out") loglik=$(sed -n 's/.*loglik=\([-0-9.]*\).*/\1/p' <<<"$out")"; fi; }
      method="$(spec "$s" method)"; family="$(spec "$s" family)"
      args=(fit --data "bench/data/$s.csv" --formula "$(spec "$s" formula)" --factors "$(spec "$s" factors)" --method "$method" --format json)
      [ "$family" = gaussian ] || args+=(--family "$family")
      [ "$method" != AGQ ] || args+=(--agq "$(spec "$s" nAGQ)")
      out="$(timed ./glimmer "${args[@]}")"
    fi
    echo "glimmer shape=$s $(head -1 <<<"$out") fit=$(sed -n 's/.*"fit_seconds" *: *\([0-9.eE-]*\).*/\1/p' <<<"$out" | head -1) loglik=$(sed -n 's/.*"log_likelihood" *: *\([-0-9.eE]*\).*/\1/p' <<<"$out" | head -1)"
  done
done
