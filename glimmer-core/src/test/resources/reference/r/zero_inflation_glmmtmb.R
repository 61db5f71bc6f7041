# Reference fits for zero inflation (glmmTMB's ziformula), by glmmTMB (Laplace).
# Run from this directory:  Rscript zero_inflation_glmmtmb.R
# Writes ../<id>.json, and glmmTMB's Salamanders and Owls data as ../../data/salamanders.csv and owls.csv.
# The build never runs R: the JSON and CSV files are committed.
suppressPackageStartupMessages({library(glmmTMB); library(jsonlite)})
data_dir <- "../../data"

data(Salamanders, package = "glmmTMB")
sal <- Salamanders
sal$site <- as.character(sal$site); sal$mined <- as.character(sal$mined); sal$spp <- as.character(sal$spp)
write.csv(sal, file.path(data_dir, "salamanders.csv"), row.names = FALSE)
data(Owls, package = "glmmTMB")
owl <- Owls
for (f in c("Nest", "FoodTreatment", "SexParent")) owl[[f]] <- as.character(owl[[f]])
write.csv(owl, file.path(data_dir, "owls.csv"), row.names = FALSE)

table_of <- function(co) lapply(seq_len(nrow(co)), function(i) list(term = rownames(co)[i], estimate = co[i, 1],
                                std_error = co[i, 2], statistic = co[i, 3], p_value = co[i, 4]))

reference <- function(id, data, formula, zi, family, factors) {
  d <- read.csv(file.path(data_dir, data))
  for (f in factors) d[[f]] <- factor(d[[f]])
  fam <- switch(family, poisson = poisson(), nbinom2 = nbinom2(), nbinom1 = nbinom1())
  fit <- glmmTMB(as.formula(formula), ziformula = as.formula(zi), data = d, family = fam,
                 control = glmmTMBControl(optCtrl = list(iter.max = 1e4, eval.max = 1e4)))
  s <- summary(fit)$coefficients
  vc <- VarCorr(fit)$cond
  re <- list()
  for (grp in names(vc)) {
    sd <- attr(vc[[grp]], "stddev")
    for (t in names(sd)) re[[length(re) + 1]] <- list(group = grp, term = t, variance = sd[[t]]^2, std_dev = sd[[t]])
  }
  rr <- ranef(fit)$cond
  cm <- list()
  for (grp in names(rr)) {
    lv <- list(); for (i in seq_len(nrow(rr[[grp]]))) lv[[rownames(rr[[grp]])[i]]] <- as.numeric(rr[[grp]][i, ])
    cm[[grp]] <- list(terms = colnames(rr[[grp]]), levels = lv)
  }
  ll <- as.numeric(logLik(fit)); df <- attr(logLik(fit), "df")
  pr <- predict(fit, type = "response")       # (1 - p0) mu, glmmTMB's response scale
  pz <- predict(fit, type = "zprob")          # p0
  pc <- predict(fit, type = "conditional")    # mu
  out <- list(id = id, data = data, software = paste("glmmTMB", packageVersion("glmmTMB")),
              call = deparse(getCall(fit)), formula = formula, zi = zi, family = family,
              link = "log", method = "Laplace", nAGQ = 1, factors = factors, n_obs = nobs(fit),
              groups = as.list(sapply(fit$modelInfo$reTrms$cond$flist, nlevels)),
              converged = fit$fit$convergence == 0, log_likelihood = ll, df = df, deviance = -2 * ll,
              aic = AIC(fit), bic = BIC(fit), fixed_effects = table_of(s$cond),
              zero_inflation_fixed_effects = table_of(s$zi), random_effects = re, conditional_modes = cm,
              theta = as.numeric(getME(fit, "theta")),
              predictions_response = as.numeric(pr), predictions_zprob = as.numeric(pz),
              predictions_conditional = as.numeric(pc))
  if (family != "poisson") {
    V <- vcov(fit, full = TRUE)
    disp <- grep("^d", rownames(V))[1]
    pname <- if (family == "nbinom2") "theta" else "phi"
    out$family_parameters <- setNames(list(sigma(fit)), pname)
    out$family_parameters_std_error <- setNames(list(sigma(fit) * sqrt(V[disp, disp])), pname)
    out[[paste0("dispersion_", pname)]] <- sigma(fit)
  }
  write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path("..", paste0(id, ".json")))
  cat(id, ll, "\n")
  invisible(fit)
}

reference("salamanders_zipoisson", "salamanders.csv", "count ~ spp + mined + (1 | site)", "~ spp + mined", "poisson", c("site"))
reference("salamanders_zinbinom2", "salamanders.csv", "count ~ spp + mined + (1 | site)", "~ mined", "nbinom2", c("site"))
owls_zip <- reference("owls_zipoisson_offset", "owls.csv",
                      "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)", "~ 1", "poisson", c("Nest"))
reference("owls_zinbinom2_offset", "owls.csv",
          "SiblingNegotiation ~ FoodTreatment + ArrivalTime + offset(logBroodSize) + (1 | Nest)", "~ FoodTreatment", "nbinom2", c("Nest"))
reference("owls_zinbinom1_offset", "owls.csv",
          "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)", "~ 1", "nbinom1", c("Nest"))

# The exact marginal log-likelihood of the zero-inflated Poisson Owls model at glmmTMB's estimates, each nest's
# integral over its random intercept by R's integrate(): what adaptive quadrature with many points must give.
d <- read.csv(file.path(data_dir, "owls.csv"))
d$FoodTreatment <- factor(d$FoodTreatment); d$SexParent <- factor(d$SexParent)
X <- model.matrix(~ FoodTreatment * SexParent, d)
beta <- fixef(owls_zip)$cond; gamma <- fixef(owls_zip)$zi; sigma <- attr(VarCorr(owls_zip)$cond$Nest, "stddev")[[1]]
p0 <- plogis(gamma[[1]]); eta0 <- drop(X %*% beta) + d$logBroodSize; y <- d$SiblingNegotiation
nest_ll <- sapply(split(seq_len(nrow(d)), d$Nest), function(rows) {
  lf <- function(b) sapply(b, function(bb) {
    mu <- exp(eta0[rows] + bb)
    l <- ifelse(y[rows] == 0, log(p0 + (1 - p0) * exp(-mu)), log(1 - p0) + dpois(y[rows], mu, log = TRUE))
    sum(l) + dnorm(bb, 0, sigma, log = TRUE)
  })
  m <- optimize(function(b) -lf(b), c(-5, 5), tol = 1e-10)$minimum   # centre and scale the integrand
  s <- lf(m)
  log(integrate(function(b) exp(lf(b) - s), m - 12 * sigma, m + 12 * sigma, rel.tol = 1e-12, subdivisions = 1000)$value) + s
})
exact <- list(id = "owls_zipoisson_offset_integrated", data = "owls.csv",
              note = "log-likelihood by integrate() at the estimates of owls_zipoisson_offset.json",
              beta = as.list(beta), zi = as.list(gamma), sd_nest = sigma, theta = sigma,
              log_likelihood = sum(nest_ll), laplace_log_likelihood = as.numeric(logLik(owls_zip)))
write(toJSON(exact, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path("..", "owls_zipoisson_offset_integrated.json"))
cat("integrated", sum(nest_ll), "laplace", as.numeric(logLik(owls_zip)), "\n")

# glmmTMB's "Zero-inflation model:" table of the Salamanders ZIP as printCoefmat prints it (lme4's digits, 4),
# for the summary's layout (SummaryTest).
r <- fromJSON("../salamanders_zipoisson.json")
zi <- r$zero_inflation_fixed_effects
m <- as.matrix(zi[, c("estimate", "std_error", "statistic", "p_value")])
dimnames(m) <- list(zi$term, c("Estimate", "Std. Error", "z value", "Pr(>|z|)"))
Sys.setlocale("LC_CTYPE", "C")   # plain quotes in the legend, as Glimmer prints it
writeLines(capture.output(printCoefmat(m, zap.ind = 3, digits = 4, signif.stars = TRUE)), "../salamanders_zipoisson_zi_table.txt")
