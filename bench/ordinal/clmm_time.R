# Times ordinal::clmm on the ordinal reference data sets (the fit only, data in memory), three runs each.
# Run from the repository root:  Rscript bench/ordinal/clmm_time.R
suppressPackageStartupMessages(library(ordinal))
dir <- "glimmer-core/src/test/resources/data"
time_fit <- function(label, data, formula, link, response, factors, levels = NULL, nAGQ = 1) {
  d <- read.csv(file.path(dir, data))
  for (f in factors) d[[f]] <- factor(d[[f]])
  d[[response]] <- if (is.null(levels)) factor(d[[response]], ordered = TRUE) else factor(d[[response]], levels = levels, ordered = TRUE)
  s <- sapply(1:3, function(i) system.time(fit <<- clmm(as.formula(formula), data = d, link = link, nAGQ = nAGQ))[["elapsed"]])
  cat(sprintf("%-22s clmm elapsed %s s  logLik %.5f\n", label, paste(sprintf("%.2f", s), collapse = " "), logLik(fit)))
}
time_fit("wine Laplace", "wine.csv", "rating ~ temp + contact + (1 | judge)", "logit", "rating", "judge")
time_fit("wine nAGQ 10", "wine.csv", "rating ~ temp + contact + (1 | judge)", "logit", "rating", "judge", nAGQ = 10)
time_fit("soup probit", "soup.csv", "SURENESS ~ PROD + (1 | RESP)", "probit", "SURENESS", "RESP")
time_fit("sim cloglog crossed", "ordinal_sim.csv", "y ~ x + grp + (1 | g) + (1 | h)", "cloglog", "y", c("g", "h"),
         levels = c("none", "low", "mid", "high", "top"))
