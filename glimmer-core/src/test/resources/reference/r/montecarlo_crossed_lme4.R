# Makes ../montecarlo_crossed_lme4.json and ../../data/crossed_binomial_sim.csv:
#   cd glimmer-core/src/test/resources/reference/r && Rscript montecarlo_crossed_lme4.R
# A crossed binomial design shaped as the VerbAgg-like benchmark (shape b) but smaller: 100 subjects crossed
# with 12 items, a subject covariate and an item factor, each cell a binomial count of 30 trials, so that each
# subject's effect rests on 360 trials and each item's on 3,000. With that many trials per level p(u | y) is
# close to Gaussian and lme4's Laplace approximation (the only choice lme4 has for crossed terms) is accurate:
# its error in the log-likelihood is O(levels / trials per level), well below the Monte Carlo error of the MCEM
# estimates the test compares with it. The reference of MCEM's blocked Metropolis E-step on crossed terms.
# Binomial counts carry a constant log choose(30, y) per row; lme4's logLik includes it. The build never runs R.
suppressMessages({library(lme4); library(jsonlite)})
set.seed(20261206)
subjects <- 100; items <- 12; size <- 30
id <- rep(seq_len(subjects), each = items)
item <- rep(seq_len(items), subjects)
anger <- rep(round(rnorm(subjects, 0, 1), 2), each = items)
btype <- rep(c("a", "b", "c"), length.out = items)[item]
u <- rnorm(subjects, 0, 1.2)[id]
v <- rnorm(items, 0, 0.5)[item]
eta <- -0.5 + 0.4 * anger + c(a = 0, b = -0.8, c = -1.5)[btype] + u + v
y <- rbinom(length(eta), size, plogis(eta))
d <- data.frame(id = sprintf("s%03d", id), item = sprintf("i%02d", item), anger = anger, btype = btype, y = y, n = size)
write.csv(d, "../../data/crossed_binomial_sim.csv", row.names = FALSE)
d <- read.csv("../../data/crossed_binomial_sim.csv")
tight <- glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-10))
formula <- "cbind(y, n - y) ~ anger + btype + (1 | id) + (1 | item)"
fit <- glmer(as.formula(formula), d, family = binomial, nAGQ = 1, control = tight)
cm <- summary(fit)$coefficients
out <- list(source = sprintf("R %s, lme4 %s", getRversion(), packageVersion("lme4")),
  cases = list(list(id = "crossed_binomial_laplace", data = "crossed_binomial_sim.csv", formula = formula, family = "binomial",
    link = "logit", method = "Laplace", theta = unname(getME(fit, "theta")), log_likelihood = as.numeric(logLik(fit)),
    fixed_effects = lapply(seq_len(nrow(cm)), function(i) list(term = rownames(cm)[i], estimate = cm[i, 1], std_error = cm[i, 2])))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "../montecarlo_crossed_lme4.json")
