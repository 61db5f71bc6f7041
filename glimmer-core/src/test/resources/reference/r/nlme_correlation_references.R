# Makes the nlme reference fits with residual correlation (nlme's correlation = corAR1 / corCompSymm) in the
# layout of shared/reference/*.json (run from glimmer-core/src/test/resources:
# Rscript reference/r/nlme_correlation_references.R). Data: data/milk.csv (protein of 79 cows over 19 weeks, with
# gaps: nlme makes corAR1 an ARMA(1,0) then, the same correlations), data/orange.csv. The build never runs R.
# corExp is left out: nlme 3.1.162 aborts (heap corruption) on nlme(..., correlation = corExp(form = ~ Time | Cow)) here.
suppressMessages(library(nlme))
suppressMessages(library(jsonlite))
milk <- read.csv("data/milk.csv"); milk$Cow <- factor(milk$Cow)
orange <- read.csv("data/orange.csv"); orange$Tree <- factor(orange$Tree)

write_corr_ref <- function(id, fm, data_file, model, random, start, method, correlation) {
  tt <- summary(fm)$tTable
  fe <- lapply(seq_len(nrow(tt)), function(i) list(term = rownames(tt)[i], estimate = tt[i, "Value"],
    std_error = tt[i, "Std.Error"], t_df = tt[i, "DF"], statistic = tt[i, "t-value"], p_value = tt[i, "p-value"]))
  vc <- as.matrix(pdMatrix(fm$modelStruct$reStruct)[[1]]) * fm$sigma^2
  grp <- names(fm$groups)[1]
  re <- lapply(rownames(vc), function(t) list(group = grp, term = t, std_dev = sqrt(vc[t, t])))
  out <- list(id = id, data = data_file, software = paste("nlme", packageVersion("nlme"), "nlme"), model = model,
    random = random, start = as.list(start), method = method, residual_correlation = correlation,
    n_obs = fm$dims$N, log_likelihood = as.numeric(logLik(fm)), aic = AIC(fm), bic = BIC(fm),
    fixed_effects = fe, random_effects = re, residual_std_dev = fm$sigma,
    correlation_parameter = as.numeric(coef(fm$modelStruct$corStruct, unconstrained = FALSE)),
    iterations = fm$numIter)
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), paste0("reference/", id, ".json"))
}

# exponential decay to a plateau: protein falls from R0 after calving to Asym, at rate exp(lrc) per week
decay <- "protein ~ Asym + (R0 - Asym) * exp(-exp(lrc) * Time)"
st <- c(Asym = 3.4, R0 = 3.9, lrc = -0.5)
for (method in c("ML", "REML")) {
  fm <- nlme(as.formula(decay), milk, fixed = Asym + R0 + lrc ~ 1, random = Asym ~ 1 | Cow, start = st,
    correlation = corAR1(form = ~ Time | Cow), method = method)
  write_corr_ref(paste0("milk_nlme_ar1_", tolower(method)), fm, "milk.csv", decay, "Asym ~ 1 | Cow", st, method, "ar1(Time | Cow)")
}
logis <- "circumference ~ Asym / (1 + exp((xmid - age) / scal))"
st <- c(Asym = 170, xmid = 700, scal = 350)
for (method in c("ML", "REML")) {
  fm <- nlme(as.formula(logis), orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st,
    correlation = corAR1(form = ~ 1 | Tree), method = method)
  write_corr_ref(paste0("orange_nlme_ar1_", tolower(method)), fm, "orange.csv", logis, "Asym ~ 1 | Tree", st, method, "ar1(1 | Tree)")
}
fm <- nlme(as.formula(logis), orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st,
  correlation = corCompSymm(form = ~ 1 | Tree), method = "ML")
write_corr_ref("orange_nlme_cs_ml", fm, "orange.csv", logis, "Asym ~ 1 | Tree", st, "ML", "cs(1 | Tree)")
