# References for what follows a cumulative-link mixed model fit (ordinal::clmm, Laplace): the wine model's fitted
# values (clmm's, the probability of the observed category at the conditional modes), Li and Shepherd's
# probability-scale residuals P(Y < y) - P(Y > y) and the signed deviance residuals sqrt(-2 log P(Y = y)),
# and the Pearson residuals of the category numbers 1 .. K as scores, (y - E[Y]) / sd(Y), all computed here from
# clmm's thresholds, coefficients and conditional modes; and the 95% profile-likelihood
# intervals of the two coefficients, each by uniroot over clmm refits with the coefficient held by an offset
# (ordinal 2022.11.16 has no profile method for clmm): where sqrt(2 (logLik - logLik held)) = qnorm(0.975).
# Run from this directory:  Rscript ordinal_after_fit.R   (writes ../wine_clmm_after_fit.json)
# The build never runs R: the JSON file is committed.
suppressPackageStartupMessages({library(ordinal); library(jsonlite)})
d <- read.csv("../../data/wine.csv")
d$judge <- factor(d$judge)
d$rating <- factor(d$rating, ordered = TRUE)
fit <- clmm(rating ~ temp + contact + (1 | judge), data = d, link = "logit", control = clmm.control(gradTol = 1e-6))
X <- model.matrix(~ temp + contact, d)[, -1, drop = FALSE]
eta <- drop(X %*% fit$beta) + ranef(fit)$judge[as.character(d$judge), 1]
cum <- cbind(0, plogis(outer(-eta, fit$alpha, "+")), 1)           # P(Y <= j), j = 0 .. K
y <- as.integer(d$rating)
below <- cum[cbind(seq_along(y), y)]                               # P(Y < y)
upto <- cum[cbind(seq_along(y), y + 1)]                            # P(Y <= y)
p <- upto - below
psr <- below - (1 - upto)
probs <- cum[, -1] - cum[, -ncol(cum)]                             # P(Y = j), j = 1 .. K
scores <- seq_len(ncol(probs))
mean_score <- drop(probs %*% scores)
pearson <- (y - mean_score) / sqrt(drop(probs %*% scores^2) - mean_score^2)
out <- list(id = "wine_clmm_after_fit", data = "wine.csv", software = paste("ordinal", packageVersion("ordinal")),
            formula = "rating ~ temp + contact + (1 | judge)", link = "logit", factors = I("judge"),
            log_likelihood = as.numeric(logLik(fit)),
            fitted = as.numeric(fit$fitted.values), fitted_at_modes = p,
            residuals_probability_scale = psr, residuals_pearson_scores = pearson, residuals_deviance = sign(psr) * sqrt(-2 * log(p)))
z <- qnorm(0.975)
ll0 <- as.numeric(logLik(fit))
profile_interval <- function(term, column, others) {
  est <- fit$beta[[term]]; se <- sqrt(diag(vcov(fit)))[[term]]
  held <- function(b) {
    d$held <- b * column
    f <- clmm(as.formula(paste("rating ~", others, "+ offset(held) + (1 | judge)")), data = d, link = "logit",
              control = clmm.control(gradTol = 1e-6))
    sqrt(max(0, 2 * (ll0 - as.numeric(logLik(f)))))
  }
  lower <- uniroot(function(b) held(b) - z, c(est - 4 * se, est), tol = 1e-9)$root
  upper <- uniroot(function(b) held(b) - z, c(est, est + 4 * se), tol = 1e-9)$root
  list(parameter = term, lower = lower, upper = upper)
}
out$profile_intervals <- list(profile_interval("tempwarm", as.numeric(d$temp == "warm"), "contact"),
                              profile_interval("contactyes", as.numeric(d$contact == "yes"), "temp"))
write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "../wine_clmm_after_fit.json")
cat("max |clmm fitted - P(y) at the modes|:", max(abs(fit$fitted.values - p)), "\n")
