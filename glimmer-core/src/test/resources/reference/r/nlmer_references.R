# Makes the lme4::nlmer reference fits orange_nlmer_laplace.json (random Asym) and orange_nlmer_two_laplace.json
# (random Asym and xmid, general covariance) in the layout of shared/reference/*.json (run from
# glimmer-core/src/test/resources: Rscript reference/r/nlmer_references.R). Standard errors are lme4's from RX
# (vcov(fm, use.hessian = FALSE)); lme4 itself falls back to them for these fits (its finite-difference Hessian is not
# positive definite). The build never runs R.
suppressMessages(library(lme4))
suppressMessages(library(jsonlite))
orange <- read.csv("data/orange.csv"); orange$Tree <- factor(orange$Tree)
st <- c(Asym = 170, xmid = 700, scal = 350)

write_ref <- function(id, fm, model, start, devfun = NULL) {
  v <- as.matrix(vcov(fm, use.hessian = FALSE))
  b <- fixef(fm)
  fe <- lapply(names(b), function(t) list(term = t, estimate = unname(b[t]), std_error = sqrt(v[t, t]),
    statistic = unname(b[t]) / sqrt(v[t, t])))
  vc <- as.data.frame(VarCorr(fm))
  re <- lapply(which(is.na(vc$var2) & vc$grp != "Residual"), function(i) list(group = vc$grp[i], term = vc$var1[i], std_dev = vc$sdcor[i]))
  cors <- lapply(which(!is.na(vc$var2)), function(i) list(group = vc$grp[i], term1 = vc$var1[i], term2 = vc$var2[i], correlation = vc$sdcor[i]))
  out <- list(id = id, data = "orange.csv", software = paste("lme4", packageVersion("lme4"), "nlmer"), model = model,
    start = as.list(start), method = "Laplace", n_obs = nobs(fm), log_likelihood = as.numeric(logLik(fm)),
    fixed_effects = fe, random_effects = re)
  if (length(cors) > 0) out$random_effect_correlations <- cors
  out$residual_std_dev <- sigma(fm)
  # nlmer's Laplace deviance (its stage-2 devfun) at lme4's estimates and at a second point, for a check of the
  # approximation itself apart from the optimiser
  if (!is.null(devfun)) {
    at <- function(th, b) list(theta = th, beta = b, deviance = devfun(c(th, b)))
    th <- unname(getME(fm, "theta")); b <- unname(fixef(fm))
    out$laplace_deviance <- list(at(th, b), at(th * 1.1, b * c(1.01, 0.99, 1.02)[seq_along(b)]))
  }
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), paste0("reference/", id, ".json"))
}
m1 <- "circumference ~ SSlogis(age, Asym, xmid, scal) ~ Asym | Tree"
fm <- suppressWarnings(nlmer(as.formula(m1), orange, start = st))
write_ref("orange_nlmer_laplace", fm, m1, st, nlmer(as.formula(m1), orange, start = st, devFunOnly = TRUE))
m2 <- "circumference ~ SSlogis(age, Asym, xmid, scal) ~ (Asym + xmid | Tree)"
fm <- suppressWarnings(nlmer(as.formula(m2), orange, start = st))
write_ref("orange_nlmer_two_laplace", fm, m2, st, nlmer(as.formula(m2), orange, start = st, devFunOnly = TRUE))
