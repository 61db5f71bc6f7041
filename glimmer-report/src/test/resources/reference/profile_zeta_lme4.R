# Reference for ProfileZetaTest: lme4's profile zeta on the grid the report draws.
# For each parameter: 21 even points between the 99% profile bounds, and zeta there from
# lme4's interpolating spline of the profile (attr(profile, "forward")).
# Run from this directory: Rscript profile_zeta_lme4.R  (needs lme4 and jsonlite)
suppressPackageStartupMessages({library(lme4); library(jsonlite)})
grid_zeta <- function(fit) {
  pr <- profile(fit, signames = FALSE)
  ci99 <- confint(pr, level = 0.99)
  ci95 <- confint(pr, level = 0.95)
  fwd <- attr(pr, "forward")
  out <- list()
  for (p in rownames(ci99)) {
    g <- seq(ci99[p, 1], ci99[p, 2], length.out = 21)
    out[[p]] <- list(values = g, zeta = predict(fwd[[p]], g)$y, lower95 = ci95[p, 1], upper95 = ci95[p, 2])
  }
  out
}
cbpp <- read.csv("../../../../../glimmer-core/src/test/resources/data/cbpp.csv")
cbpp$herd <- factor(cbpp$herd); cbpp$period <- factor(cbpp$period)
g <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), cbpp, binomial)
sleep <- read.csv("../../../../../glimmer-core/src/test/resources/data/sleepstudy.csv")
l <- lmer(Reaction ~ Days + (Days | Subject), sleep)
write_json(list(cbpp = grid_zeta(g), sleepstudy = grid_zeta(l)), "profile_zeta_lme4.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
