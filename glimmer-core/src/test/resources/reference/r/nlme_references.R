# Makes the nlme reference fits orange_nlme_reml.json, orange_nlme_two_ml.json, orange_nlme_diag_ml.json,
# theoph_nlme_fol_ml.json, loblolly_nlme_asymp_ml.json, co2_nlme_fixed_ml.json and, with residual correlation,
# milk_nlme_ar1_{ml,reml}.json, orange_nlme_ar1_{ml,reml}.json and orange_nlme_cs_ml.json in the layout of shared/reference/*.json (run from glimmer-core/src/test/resources:
# Rscript reference/r/nlme_references.R). Data: data/orange.csv, data/theoph.csv (written here from R's Theoph).
# The t tests' degrees of freedom are written t_df (compare-reference.py compares "df" only for Satterthwaite and
# Kenward-Roger fits, which Glimmer writes per fixed effect; these are checked through the p-values). The build never runs R.
suppressMessages(library(nlme))
suppressMessages(library(jsonlite))
orange <- read.csv("data/orange.csv"); orange$Tree <- factor(orange$Tree)
if (!file.exists("data/theoph.csv")) {
  th <- as.data.frame(Theoph); th$Subject <- as.integer(as.character(th$Subject))
  write.csv(th[, c("Subject", "Wt", "Dose", "Time", "conc")], "data/theoph.csv", row.names = FALSE)
}
theoph <- read.csv("data/theoph.csv"); theoph$Subject <- factor(theoph$Subject)

write_ref <- function(id, fm, data_file, model, random, start, method, structure = NULL, fixed = NULL, correlation = NULL) {
  tt <- summary(fm)$tTable
  fe <- lapply(seq_len(nrow(tt)), function(i) list(term = rownames(tt)[i], estimate = tt[i, "Value"],
    std_error = tt[i, "Std.Error"], t_df = tt[i, "DF"], statistic = tt[i, "t-value"], p_value = tt[i, "p-value"]))
  vc <- as.matrix(pdMatrix(fm$modelStruct$reStruct)[[1]]) * fm$sigma^2
  grp <- names(fm$groups)[1]
  re <- lapply(rownames(vc), function(t) list(group = grp, term = t, std_dev = sqrt(vc[t, t])))
  cors <- list()
  if (nrow(vc) > 1 && is.null(structure)) {
    for (i in 2:nrow(vc)) for (j in 1:(i - 1)) cors[[length(cors) + 1]] <- list(group = grp, term1 = rownames(vc)[j],
      term2 = rownames(vc)[i], correlation = vc[i, j] / sqrt(vc[i, i] * vc[j, j]))
  }
  out <- list(id = id, data = data_file, software = paste("nlme", packageVersion("nlme"), "nlme"), model = model,
    random = random, start = as.list(start), method = method)
  if (!is.null(structure)) out$random_structure <- structure
  if (!is.null(fixed)) out$fixed <- fixed
  if (!is.null(correlation)) out$residual_correlation <- correlation
  out$n_obs <- fm$dims$N
  out$log_likelihood <- as.numeric(logLik(fm))
  if (!is.null(correlation)) {
    out$aic <- AIC(fm)
    out$bic <- BIC(fm)
  }
  out$fixed_effects <- fe
  out$random_effects <- re
  if (length(cors) > 0) out$random_effect_correlations <- cors
  out$residual_std_dev <- fm$sigma
  if (!is.null(correlation)) {
    out$correlation_parameter <- as.numeric(coef(fm$modelStruct$corStruct, unconstrained = FALSE))
    out$iterations <- fm$numIter
  }
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), paste0("reference/", id, ".json"))
}

logis <- circumference ~ Asym / (1 + exp((xmid - age) / scal))
st <- c(Asym = 170, xmid = 700, scal = 350)
m <- "circumference ~ Asym / (1 + exp((xmid - age) / scal))"
fm <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st, method = "REML")
write_ref("orange_nlme_reml", fm, "orange.csv", m, "Asym ~ 1 | Tree", st, "REML")
fm <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym + xmid ~ 1 | Tree, start = st, method = "ML")
write_ref("orange_nlme_two_ml", fm, "orange.csv", m, "Asym + xmid ~ 1 | Tree", st, "ML")
fm <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = pdDiag(Asym + xmid ~ 1), groups = ~ Tree, start = st, method = "ML")
write_ref("orange_nlme_diag_ml", fm, "orange.csv", m, "Asym + xmid ~ 1 | Tree", st, "ML", "diagonal")
# first-order absorption (SSfol's formula written out), theophylline
fol <- conc ~ Dose * exp(lKe + lKa - lCl) * (exp(-exp(lKe) * Time) - exp(-exp(lKa) * Time)) / (exp(lKa) - exp(lKe))
st2 <- c(lKe = -2.5, lKa = 0.5, lCl = -3)
fm <- nlme(fol, theoph, fixed = lKe + lKa + lCl ~ 1, random = pdDiag(lKa + lCl ~ 1), groups = ~ Subject, start = st2, method = "ML")
write_ref("theoph_nlme_fol_ml", fm, "theoph.csv", "conc ~ Dose * exp(lKe + lKa - lCl) * (exp(-exp(lKe) * Time) - exp(-exp(lKa) * Time)) / (exp(lKa) - exp(lKe))",
  "lKa + lCl ~ 1 | Subject", st2, "ML", "diagonal")
# a self-starting model (asymptotic regression) on the loblolly pines; the test also fits it without a start
lob <- read.csv("data/loblolly.csv"); lob$Seed <- factor(lob$Seed)
st3 <- c(Asym = 103, R0 = -8.5, lrc = -3.3)
fm <- nlme(height ~ SSasymp(age, Asym, R0, lrc), lob, fixed = Asym + R0 + lrc ~ 1, random = Asym ~ 1 | Seed, start = st3, method = "ML")
write_ref("loblolly_nlme_asymp_ml", fm, "loblolly.csv", "height ~ SSasymp(age, Asym, R0, lrc)", "Asym ~ 1 | Seed", st3, "ML")
# covariates of a parameter (--fixed): CO2 uptake, asymptote by Type; the start of Asym.TypeQuebec is Glimmer's default 0
co2 <- read.csv("data/co2.csv"); co2$Plant <- factor(co2$Plant); co2$Type <- factor(co2$Type)
fm <- nlme(uptake ~ SSasympOff(conc, Asym, lrc, c0), co2, fixed = list(Asym ~ Type, lrc + c0 ~ 1), random = Asym ~ 1 | Plant,
  start = c(Asym = c(32, 0), lrc = -4.6, c0 = 46), method = "ML")
write_ref("co2_nlme_fixed_ml", fm, "co2.csv", "uptake ~ SSasympOff(conc, Asym, lrc, c0)", "Asym ~ 1 | Plant",
  c(Asym = 32, lrc = -4.6, c0 = 46), "ML", fixed = "Asym ~ Type; lrc + c0 ~ 1")

# residual correlation (nlme's correlation = corAR1 / corCompSymm). The milk data (protein of 79 cows over 19 weeks) have
# gaps in Time: nlme makes corAR1 an ARMA(1,0) then, the same correlations. corExp is left out: nlme 3.1.162 aborts
# (heap corruption) on nlme(..., correlation = corExp(form = ~ Time | Cow)) here.
milk <- read.csv("data/milk.csv"); milk$Cow <- factor(milk$Cow)
decay <- "protein ~ Asym + (R0 - Asym) * exp(-exp(lrc) * Time)" # falls from R0 after calving to a plateau Asym
st4 <- c(Asym = 3.4, R0 = 3.9, lrc = -0.5)
for (method in c("ML", "REML")) {
  fm <- nlme(as.formula(decay), milk, fixed = Asym + R0 + lrc ~ 1, random = Asym ~ 1 | Cow, start = st4,
    correlation = corAR1(form = ~ Time | Cow), method = method)
  write_ref(paste0("milk_nlme_ar1_", tolower(method)), fm, "milk.csv", decay, "Asym ~ 1 | Cow", st4, method, correlation = "ar1(Time | Cow)")
  fm <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st,
    correlation = corAR1(form = ~ 1 | Tree), method = method)
  write_ref(paste0("orange_nlme_ar1_", tolower(method)), fm, "orange.csv", m, "Asym ~ 1 | Tree", st, method, correlation = "ar1(1 | Tree)")
}
fm <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st,
  correlation = corCompSymm(form = ~ 1 | Tree), method = "ML")
write_ref("orange_nlme_cs_ml", fm, "orange.csv", m, "Asym ~ 1 | Tree", st, "ML", correlation = "cs(1 | Tree)")
