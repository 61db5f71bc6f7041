#!/bin/sh
# Times Glimmer's fit of the same models (fit_seconds from the JSON: the fit only, as clmm's), three runs each.
# Run from the repository root after the build:  sh bench/ordinal/glimmer_time.sh
d=glimmer-core/src/test/resources/data
run() {
  label=$1; shift
  for i in 1 2 3; do ./glimmer fit --family ordinal --format json "$@" | grep -E '"fit_seconds"|"log_likelihood"' | tr -d ' \n'; echo; done | sed "s/^/$label /"
}
run "wine Laplace" --data $d/wine.csv --formula "rating ~ temp + contact + (1 | judge)"
run "wine nAGQ 10" --data $d/wine.csv --formula "rating ~ temp + contact + (1 | judge)" --agq 10
run "soup probit" --data $d/soup.csv --formula "SURENESS ~ PROD + (1 | RESP)" --link probit
run "sim cloglog crossed" --data $d/ordinal_sim.csv --formula "y ~ x + grp + (1 | g) + (1 | h)" --link cloglog --levels none,low,mid,high,top
