# Reference fits of cumulative-link mixed models by ordinal::clmm (Laplace, and AGQ with nAGQ = 10).
# Run from this directory:  Rscript ordinal_clmm.R
# Writes ../<id>.json and the data sets ../../data/wine.csv, soup.csv (from the ordinal package) and
# ordinal_sim.csv (seeded: five categories named by words, two crossed random intercepts).
# The build never runs R: the JSON and CSV files are committed.
suppressPackageStartupMessages({library(ordinal); library(jsonlite)})
data_dir <- "../../data"

w <- ordinal::wine
write.csv(data.frame(rating = as.integer(as.character(w$rating)), temp = w$temp, contact = w$contact,
                     bottle = as.integer(as.character(w$bottle)), judge = as.integer(as.character(w$judge))),
          file.path(data_dir, "wine.csv"), row.names = FALSE)
s <- ordinal::soup
write.csv(data.frame(SURENESS = as.integer(as.character(s$SURENESS)), PROD = s$PROD, DAY = as.integer(as.character(s$DAY)),
                     RESP = as.integer(as.character(s$RESP))),
          file.path(data_dir, "soup.csv"), row.names = FALSE)
set.seed(20261207)
words <- c("none", "low", "mid", "high", "top")      # lexical order is not the order of the categories
n <- 600; g <- sample(rep(1:30, 20)); h <- sample(rep(1:12, 50)); x <- signif(rnorm(n), 10)
grp <- sample(c("a", "b", "c"), n, TRUE)
eta <- 0.8 * x + c(a = 0, b = 0.5, c = -0.4)[grp] + rnorm(30, 0, 0.7)[g] + rnorm(12, 0, 0.4)[h]
latent <- eta + log(rexp(n))                         # a Gumbel (minimum) error: the cloglog link's
y <- words[findInterval(latent, c(-1, 0, 0.7, 1.5)) + 1]
write.csv(data.frame(y = y, x = x, grp = grp, g = g, h = h), file.path(data_dir, "ordinal_sim.csv"), row.names = FALSE)

table_of <- function(co) lapply(seq_len(nrow(co)), function(i)
  list(term = rownames(co)[i], estimate = co[i, 1], std_error = co[i, 2], statistic = co[i, 3], p_value = co[i, 4]))

reference <- function(id, data, formula, link, factors, response, levels = NULL, nAGQ = 1) {
  d <- read.csv(file.path(data_dir, data))
  for (f in factors) d[[f]] <- factor(d[[f]])
  d[[response]] <- if (is.null(levels)) factor(d[[response]], ordered = TRUE) else factor(d[[response]], levels = levels, ordered = TRUE)
  t0 <- Sys.time()
  fit <- clmm(as.formula(formula), data = d, link = link, nAGQ = nAGQ, control = clmm.control(gradTol = 1e-6))
  seconds <- as.numeric(Sys.time() - t0, units = "secs")
  co <- coef(summary(fit))
  nth <- length(fit$alpha)
  vc <- VarCorr(fit)
  re <- list()
  for (grp in names(vc)) {
    sd <- attr(vc[[grp]], "stddev")
    for (t in names(sd)) re[[length(re) + 1]] <- list(group = grp, term = t, variance = sd[[t]]^2, std_dev = sd[[t]])
  }
  rr <- ranef(fit)
  cm <- list()
  for (grp in names(rr)) {
    lv <- list(); for (i in seq_len(nrow(rr[[grp]]))) lv[[rownames(rr[[grp]])[i]]] <- I(as.numeric(rr[[grp]][i, ]))
    cm[[grp]] <- list(terms = I(colnames(rr[[grp]])), levels = lv)   # I(): arrays even of length 1
  }
  ll <- as.numeric(logLik(fit)); df <- attr(logLik(fit), "df")
  out <- list(id = id, data = data, software = paste("ordinal", packageVersion("ordinal")),
              call = deparse(fit$call), formula = formula, family = "ordinal", link = link,
              method = if (nAGQ > 1) "AGQ" else "Laplace", nAGQ = nAGQ, factors = I(factors), n_obs = nobs(fit),
              groups = as.list(sapply(ranef(fit), nrow)),
              max_gradient = max(abs(fit$gradient)), fit_seconds = seconds,
              log_likelihood = ll, df = df, deviance = -2 * ll, aic = AIC(fit), bic = BIC(fit),
              thresholds = table_of(co[seq_len(nth), , drop = FALSE]),
              fixed_effects = table_of(co[-seq_len(nth), , drop = FALSE]),
              random_effects = re, conditional_modes = cm)
  if (!is.null(levels)) out$levels <- levels
  write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path("..", paste0(id, ".json")))
  cat(id, ll, seconds, "\n")
}

reference("wine_clmm_laplace", "wine.csv", "rating ~ temp + contact + (1 | judge)", "logit", c("judge"), "rating")
reference("wine_clmm_agq10", "wine.csv", "rating ~ temp + contact + (1 | judge)", "logit", c("judge"), "rating", nAGQ = 10)
reference("soup_clmm_probit", "soup.csv", "SURENESS ~ PROD + (1 | RESP)", "probit", c("RESP"), "SURENESS")
reference("ordinal_sim_cloglog", "ordinal_sim.csv", "y ~ x + grp + (1 | g) + (1 | h)", "cloglog", c("g", "h"), "y", levels = words)
