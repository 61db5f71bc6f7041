# Makes ../montecarlo_lme4.json and ../../data/toenail_sim.csv:
#   cd glimmer-core/src/test/resources/reference/r && Rscript montecarlo_lme4.R
# A toenail-like binary design (300 subjects x 7 visits, a between-subject treatment, visit time, a large
# random intercept as in the onychomycosis trial) with a logit response y and a probit response yp, and
# lme4's adaptive quadrature with 25 nodes (exact for a scalar random intercept) at a tight optimum: the
# references of the Monte Carlo methods (MCEM, MCNR) and of the importance-sampled log-likelihood.
# Bernoulli rows have no binomial coefficient, so lme4's logLik here includes every constant.
# The build never runs R.
suppressMessages({library(lme4); library(jsonlite)})
set.seed(20240901)
subjects <- 300; visits <- 7
id <- rep(seq_len(subjects), each = visits)
treatment <- rep(rbinom(subjects, 1, 0.5), each = visits)
month <- rep(c(0, 1, 2, 3, 6, 9, 12), subjects) + round(rnorm(subjects * visits, 0, 0.2), 2)
u <- rep(rnorm(subjects, 0, 3), each = visits)
eta <- -1.6 - 0.2 * treatment - 0.35 * month - 0.15 * treatment * month + u
y <- rbinom(length(eta), 1, plogis(eta))
up <- rep(rnorm(subjects, 0, 1.5), each = visits)
etap <- -0.9 - 0.1 * treatment - 0.2 * month - 0.08 * treatment * month + up
yp <- rbinom(length(etap), 1, pnorm(etap))
d <- data.frame(id = sprintf("s%03d", id), treatment = treatment, month = month, y = y, yp = yp)
write.csv(d, "../../data/toenail_sim.csv", row.names = FALSE)
d <- read.csv("../../data/toenail_sim.csv"); d$id <- factor(d$id)

tight <- glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-10))
case <- function(name, formula, link) {
  fit <- glmer(as.formula(formula), d, family = binomial(link), nAGQ = 25, control = tight)
  cm <- summary(fit)$coefficients
  list(id = name, data = "toenail_sim.csv", formula = formula, family = "binomial", link = link, method = "AGQ", nAGQ = 25,
    theta = unname(getME(fit, "theta")), log_likelihood = as.numeric(logLik(fit)),
    fixed_effects = lapply(seq_len(nrow(cm)), function(i) list(term = rownames(cm)[i], estimate = cm[i, 1], std_error = cm[i, 2])))
}
out <- list(source = sprintf("R %s, lme4 %s", getRversion(), packageVersion("lme4")),
  cases = list(case("toenail_logit_agq25", "y ~ treatment * month + (1 | id)", "logit"),
               case("toenail_probit_agq25", "yp ~ treatment * month + (1 | id)", "probit")))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "../montecarlo_lme4.json")
