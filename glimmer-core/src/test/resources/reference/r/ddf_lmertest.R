# Makes ../ddf_lmertest.json and ../../data/sleepstudy_unbalanced.csv:
#   cd glimmer-core/src/test/resources/reference/r && Rscript ddf_lmertest.R
# Satterthwaite (lmerTest) and Kenward-Roger (pbkrtest through lmerTest) degrees of freedom for each
# fixed effect, and lmerTest's type III and type I anova tables. The fits are run to a tight optimum
# (nloptwrap's tolerances near machine precision) so that the references are the exact optimum's numbers.
# The build never runs R.
suppressMessages({library(lme4); library(lmerTest); library(pbkrtest); library(jsonlite)})
tight <- lmerControl(optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-14, xtol_rel = 1e-12, ftol_rel = 1e-14, maxeval = 1e5))

ss <- read.csv("../../data/sleepstudy.csv"); ss$Subject <- factor(ss$Subject)
# The unbalanced design: sleepstudy with 40 seeded rows removed, and a between-subject factor Group
# (3 levels, seeded) so that type III contrasts of a factor-by-covariate interaction are exercised.
set.seed(20240516)
group <- setNames(sample(rep(c("a", "b", "c"), 6)), levels(ss$Subject))
ub <- ss[sort(sample(nrow(ss), nrow(ss) - 40)), ]
ub$Group <- unname(group[as.character(ub$Subject)])
write.csv(ub, "../../data/sleepstudy_unbalanced.csv", row.names = FALSE)
ub <- read.csv("../../data/sleepstudy_unbalanced.csv"); ub$Subject <- factor(ub$Subject); ub$Group <- factor(ub$Group)
pe <- read.csv("../../data/penicillin.csv"); pe$plate <- factor(pe$plate); pe$sample <- factor(pe$sample)
pa <- read.csv("../../data/pastes.csv"); pa$batch <- factor(pa$batch); pa$cask <- factor(pa$cask)

coefs <- function(fit, ddf) {
  cm <- summary(fit, ddf = ddf)$coefficients
  lapply(seq_len(nrow(cm)), function(i) list(term = rownames(cm)[i], estimate = cm[i, "Estimate"],
    std_error = cm[i, "Std. Error"], df = cm[i, "df"], statistic = cm[i, "t value"], p_value = cm[i, "Pr(>|t|)"]))
}
aov <- function(fit, ddf, type) {
  a <- anova(fit, ddf = ddf, type = type)
  list(type = type, tests = lapply(seq_len(nrow(a)), function(i) list(term = rownames(a)[i], num_df = a[i, "NumDF"],
    den_df = a[i, "DenDF"], F = a[i, "F value"], p_value = a[i, "Pr(>F)"])))
}
case <- function(id, data, file, formula, reml, factors) {
  fit <- lmer(as.formula(formula), data, REML = reml, control = tight)
  out <- list(id = id, data = file, formula = formula, method = if (reml) "REML" else "ML", factors = factors,
    theta = unname(getME(fit, "theta")), sigma = sigma(fit),
    satterthwaite = list(fixed_effects = coefs(fit, "Satterthwaite"),
      anova = list(aov(fit, "Satterthwaite", 3), aov(fit, "Satterthwaite", 1))))
  if (reml) out$kenward_roger <- list(fixed_effects = coefs(fit, "Kenward-Roger"),
      vcov_adjusted = unname(as.matrix(vcovAdj(fit))),
      anova = list(aov(fit, "Kenward-Roger", 3), aov(fit, "Kenward-Roger", 1)))
  out
}
cases <- list(
  case("sleepstudy_reml", ss, "sleepstudy.csv", "Reaction ~ Days + (Days | Subject)", TRUE, list("Subject")),
  case("sleepstudy_ml", ss, "sleepstudy.csv", "Reaction ~ Days + (Days | Subject)", FALSE, list("Subject")),
  case("unbalanced_reml", ub, "sleepstudy_unbalanced.csv", "Reaction ~ Days * Group + (Days | Subject)", TRUE, list("Subject")),
  case("unbalanced_ml", ub, "sleepstudy_unbalanced.csv", "Reaction ~ Days * Group + (Days | Subject)", FALSE, list("Subject")),
  case("penicillin_reml", pe, "penicillin.csv", "diameter ~ 1 + (1 | plate) + (1 | sample)", TRUE, list("plate", "sample")),
  case("pastes_reml", pa, "pastes.csv", "strength ~ 1 + (1 | batch/cask)", TRUE, list("batch", "cask")))
meta <- list(source = sprintf("R %s, lme4 %s, lmerTest %s, pbkrtest %s", getRversion(), packageVersion("lme4"),
  packageVersion("lmerTest"), packageVersion("pbkrtest")), cases = cases)
writeLines(toJSON(meta, auto_unbox = TRUE, digits = NA, pretty = TRUE), "../ddf_lmertest.json")
