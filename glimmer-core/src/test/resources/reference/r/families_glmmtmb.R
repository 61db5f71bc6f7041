# Reference fits for the nbinom2, nbinom1 and beta families, by glmmTMB (Laplace).
# Run from this directory:  Rscript families_glmmtmb.R
# Writes ../<id>.json, and the simulated beta data sets ../../data/beta_sim*.csv (seeded).
# The build never runs R: the JSON and CSV files are committed.
suppressPackageStartupMessages({library(glmmTMB); library(jsonlite)})
data_dir <- "../../data"

# Seeded beta data: (1) a random intercept; (2) an offset, a factor and two crossed random intercepts.
set.seed(20261205)
m <- 40; k <- 10
g <- rep(seq_len(m), each = k); x <- rnorm(m * k); b <- rnorm(m, 0, 0.6)
mu <- plogis(-0.4 + 0.7 * x + b[g]); phi <- 12
y <- rbeta(m * k, mu * phi, (1 - mu) * phi)
write.csv(data.frame(y = signif(y, 10), x = signif(x, 10), g = g), file.path(data_dir, "beta_sim1.csv"), row.names = FALSE)
set.seed(20261206)
n <- 480; g <- sample(rep(1:30, 16)); h <- sample(rep(1:12, 40)); x <- runif(n, -1, 1)
grp <- sample(c("a", "b", "c"), n, TRUE); o <- signif(runif(n, -0.5, 0.5), 10)
eta <- 0.3 - 0.9 * x + c(a = 0, b = 0.4, c = -0.3)[grp] + o + rnorm(30, 0, 0.5)[g] + rnorm(12, 0, 0.3)[h]
mu <- plogis(eta); phi <- 25
y <- rbeta(n, mu * phi, (1 - mu) * phi)
write.csv(data.frame(y = signif(y, 10), x = signif(x, 10), grp = grp, o = o, g = g, h = h), file.path(data_dir, "beta_sim2.csv"), row.names = FALSE)

reference <- function(id, data, formula, family, factors, pname) {
  d <- read.csv(file.path(data_dir, data))
  for (f in factors) d[[f]] <- factor(d[[f]])
  fam <- switch(family, nbinom2 = nbinom2(), nbinom1 = nbinom1(), beta = beta_family())
  fit <- glmmTMB(as.formula(formula), data = d, family = fam,
                 control = glmmTMBControl(optCtrl = list(iter.max = 1e4, eval.max = 1e4)))
  co <- summary(fit)$coefficients$cond
  fe <- lapply(seq_len(nrow(co)), function(i) list(term = rownames(co)[i], estimate = co[i, 1], std_error = co[i, 2],
                                                 statistic = co[i, 3], p_value = co[i, 4]))
  vc <- VarCorr(fit)$cond
  re <- list()
  for (grp in names(vc)) {
    s <- attr(vc[[grp]], "stddev")
    for (t in names(s)) re[[length(re) + 1]] <- list(group = grp, term = t, variance = s[[t]]^2, std_dev = s[[t]])
  }
  rr <- ranef(fit)$cond
  cm <- list()
  for (grp in names(rr)) {
    lv <- list(); for (i in seq_len(nrow(rr[[grp]]))) lv[[rownames(rr[[grp]])[i]]] <- as.numeric(rr[[grp]][i, ])
    cm[[grp]] <- list(terms = colnames(rr[[grp]]), levels = lv)
  }
  V <- vcov(fit, full = TRUE)
  disp <- grep("^d", rownames(V))[1]              # the dispersion's log-scale parameter
  par <- sigma(fit)                               # nbinom2: theta; nbinom1, beta: phi
  ll <- as.numeric(logLik(fit)); df <- attr(logLik(fit), "df")
  out <- list(id = id, data = data, software = paste("glmmTMB", packageVersion("glmmTMB")),
              call = deparse(getCall(fit)), formula = formula, family = family,
              link = family(fit)$link, method = "Laplace", nAGQ = 1, factors = factors, n_obs = nobs(fit),
              groups = as.list(sapply(fit$modelInfo$reTrms$cond$flist, nlevels)),
              converged = fit$fit$convergence == 0, log_likelihood = ll, df = df, deviance = -2 * ll,
              aic = AIC(fit), bic = BIC(fit), fixed_effects = fe, random_effects = re, conditional_modes = cm,
              family_parameters = setNames(list(par), pname),
              family_parameters_std_error = setNames(list(par * sqrt(V[disp, disp])), pname),
              log_dispersion_std_error = sqrt(V[disp, disp]))
  out[[paste0("dispersion_", pname)]] <- par
  write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path("..", paste0(id, ".json")))
  cat(id, ll, par, "\n")
}

reference("epil_nbinom2", "epil.csv", "y ~ lbase * trt + lage + V4 + (1 | subject)", "nbinom2", c("subject"), "theta")
reference("epil_nbinom2_offset", "epil.csv", "y ~ trt + lage + V4 + offset(lbase) + (1 | subject)", "nbinom2", c("subject"), "theta")
reference("grouseticks_nbinom2", "grouseticks.csv", "TICKS ~ YEAR + HEIGHT + (1 | BROOD) + (1 | LOCATION)", "nbinom2",
          c("YEAR", "BROOD", "LOCATION"), "theta")
reference("epil_nbinom1_offset", "epil.csv", "y ~ trt + lage + V4 + offset(lbase) + (1 | subject)", "nbinom1", c("subject"), "phi")
reference("grouseticks_nbinom1", "grouseticks.csv", "TICKS ~ YEAR + HEIGHT + (1 | BROOD) + (1 | LOCATION)", "nbinom1",
          c("YEAR", "BROOD", "LOCATION"), "phi")
reference("beta_sim1", "beta_sim1.csv", "y ~ x + (1 | g)", "beta", c("g"), "phi")
reference("beta_sim2_offset", "beta_sim2.csv", "y ~ x + grp + offset(o) + (1 | g) + (1 | h)", "beta", c("g", "h"), "phi")
