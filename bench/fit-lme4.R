#!/usr/bin/env Rscript
# Times lme4's fit of one benchmark shape: Rscript bench/fit-lme4.R bench/data/a.spec bench/data/a.csv [glmmTMB]
# (with glmmTMB as a third argument, glmmTMB's fit of a GLMM shape instead: Laplace, its defaults; evals = its
# objective's evaluations; the line starts GLMMTMB).
# Reading the CSV is not timed; system.time() is around lmer()/glmer() only (lme4's defaults otherwise:
# lmer's bobyqa; glmer's two stages, bobyqa then Nelder-Mead, and its Hessian for standard errors).
# Prints one line (cpu: user + system CPU seconds of the R process during the fit):
#   LME4 shape=a seconds=12.345 cpu=12.001 loglik=-123.456789 evals=87 converged=true warnings=0
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
if (!(length(args) == 2 || (length(args) == 3 && args[3] == "glmmTMB"))) stop("usage: fit-lme4.R SHAPE.spec SHAPE.csv [glmmTMB]")
tmb <- length(args) == 3
lines <- readLines(args[1])
kv <- regmatches(lines, regexpr("=", lines), invert = TRUE)
spec <- setNames(vapply(kv, function(x) x[2], ""), vapply(kv, function(x) x[1], ""))
d <- read.csv(args[2], stringsAsFactors = FALSE)
for (f in strsplit(spec[["factors"]], ",")[[1]]) d[[f]] <- factor(d[[f]])
form <- as.formula(spec[["formula"]])
method <- spec[["method"]]
msgs <- character()
keep <- function(w) { msgs <<- c(msgs, conditionMessage(w)); invokeRestart("muffleWarning") }
if (tmb) suppressPackageStartupMessages(library(glmmTMB))
t <- withCallingHandlers(system.time(
  fit <- if (tmb) {
    glmmTMB(form, data = d, family = spec[["family"]])
  } else if (method %in% c("REML", "ML")) {
    lmer(form, data = d, REML = (method == "REML"))
  } else {
    glmer(form, data = d, family = spec[["family"]], nAGQ = as.integer(spec[["nAGQ"]]))
  }), warning = keep)
if (!tmb) msgs <- c(msgs, fit@optinfo$conv$lme4$messages)
evals <- if (tmb) fit$fit$evaluations[["function"]] else fit@optinfo$feval
cat(sprintf("%s shape=%s seconds=%.3f cpu=%.3f loglik=%.6f evals=%d converged=%s warnings=%d\n",
            if (tmb) "GLMMTMB" else "LME4", spec[["name"]], t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], as.numeric(logLik(fit)), as.integer(evals),
            tolower(as.character(length(msgs) == 0)), length(unique(msgs))))
for (m in unique(msgs)) cat("  warning:", gsub("\n", " ", m), "\n")
