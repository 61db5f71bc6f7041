# glmmTMB's side of the zero-inflated Poisson benchmark, the whole process timed from outside:
#   /usr/bin/time Rscript zipoisson_100k_fit.R
suppressPackageStartupMessages(library(glmmTMB))
d <- read.csv("zip100k.csv"); d$g <- factor(d$g)
t <- system.time(fit <- glmmTMB(y ~ x + z + (1 | g), ziformula = ~ w, data = d, family = poisson))
cat("glmmTMB fit elapsed", t[["elapsed"]], "logLik", format(as.numeric(logLik(fit)), digits = 10), "\n")
print(fixef(fit)); print(sqrt(as.numeric(VarCorr(fit)$cond$g)))
