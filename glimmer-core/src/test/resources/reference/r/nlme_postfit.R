# Makes the nlme references of what follows a nonlinear fit: predictions for new data at levels 0 and 1
# (nlme's predict(fit, newdata, level = 0:1)), level-1 residuals (response and Pearson) and the likelihood-ratio
# comparison of random Asym vs Asym + xmid (anova). Run from glimmer-core/src/test/resources:
# Rscript reference/r/nlme_postfit.R. Writes data/orange_new.csv, data/co2_new.csv and
# reference/orange_nlme_predict.json, reference/co2_nlme_predict.json, reference/orange_nlme_anova.json.
# The build never runs R.
suppressMessages(library(nlme))
suppressMessages(library(jsonlite))
orange <- read.csv("data/orange.csv"); orange$Tree <- factor(orange$Tree)
co2 <- read.csv("data/co2.csv"); co2$Plant <- factor(co2$Plant); co2$Type <- factor(co2$Type)

# new rows: seen groups at new ages, and one group the fit has not seen (nlme gives NA at level 1 there)
orange_new <- data.frame(Tree = c("1", "1", "3", "3", "5", "9"), age = c(100, 900, 300, 1600, 2000, 700))
write.csv(orange_new, "data/orange_new.csv", row.names = FALSE)
co2_new <- data.frame(Plant = c("Qn1", "Qn2", "Mc1", "Mc3", "Mn2", "Qx9"), Type = c("Quebec", "Quebec", "Mississippi",
  "Mississippi", "Mississippi", "Quebec"), conc = c(60, 300, 120, 800, 1200, 500))
write.csv(co2_new, "data/co2_new.csv", row.names = FALSE)

predictions <- function(fm, newdata, group) {
  p <- predict(fm, newdata, level = 0:1) # character groups: a factor with other levels misaligns nlme's rows
  list(level0 = as.numeric(p$predict.fixed), level1 = as.numeric(p[[paste0("predict.", group)]]))
}

write_predict <- function(id, fm, data_file, new_file, model, random, start, fixed, group, newdata) {
  p <- predictions(fm, newdata, group)
  out <- list(id = id, data = data_file, new_data = new_file, software = paste("nlme", packageVersion("nlme")), model = model,
    random = random, start = as.list(start), method = "ML")
  if (!is.null(fixed)) out$fixed <- fixed
  out$sigma <- fm$sigma
  out$fixed_effects <- lapply(seq_along(fixef(fm)), function(i) list(term = names(fixef(fm))[i], estimate = unname(fixef(fm)[i])))
  out$predict_level0 <- p$level0
  out$predict_level1 <- lapply(p$level1, function(v) if (is.na(v)) NULL else v)
  out$fitted_level1 <- as.numeric(fitted(fm, level = 1))
  out$residuals_response <- as.numeric(residuals(fm, level = 1, type = "response"))
  out$residuals_pearson <- as.numeric(residuals(fm, level = 1, type = "pearson"))
  out$random_terms <- names(ranef(fm))
  out$levels <- rownames(ranef(fm))
  out$conditional_modes <- unname(as.matrix(ranef(fm)))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), paste0("reference/", id, ".json"))
}

logis <- circumference ~ Asym / (1 + exp((xmid - age) / scal))
st <- c(Asym = 170, xmid = 700, scal = 350)
m <- "circumference ~ Asym / (1 + exp((xmid - age) / scal))"
fm1 <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = st, method = "ML")
write_predict("orange_nlme_predict", fm1, "orange.csv", "orange_new.csv", m, "Asym ~ 1 | Tree", st, NULL, "Tree", orange_new)

fm <- nlme(uptake ~ SSasympOff(conc, Asym, lrc, c0), co2, fixed = list(Asym ~ Type, lrc + c0 ~ 1), random = Asym ~ 1 | Plant,
  start = c(Asym = c(32, 0), lrc = -4.6, c0 = 46), method = "ML")
write_predict("co2_nlme_predict", fm, "co2.csv", "co2_new.csv", "uptake ~ SSasympOff(conc, Asym, lrc, c0)", "Asym ~ 1 | Plant",
  c(Asym = 32, lrc = -4.6, c0 = 46), "Asym ~ Type; lrc + c0 ~ 1", "Plant", co2_new)

# random Asym against random Asym + xmid (general covariance), both ML: nlme's anova
fm2 <- nlme(logis, orange, fixed = Asym + xmid + scal ~ 1, random = Asym + xmid ~ 1 | Tree, start = st, method = "ML")
a <- anova(fm1, fm2)
out <- list(id = "orange_nlme_anova", data = "orange.csv", software = paste("nlme", packageVersion("nlme")), model = m, start = as.list(st),
  method = "ML", random = c("Asym ~ 1 | Tree", "Asym + xmid ~ 1 | Tree"), df = as.numeric(a$df), log_likelihood = as.numeric(a$logLik),
  aic = as.numeric(a$AIC), bic = as.numeric(a$BIC), chisq = as.numeric(a$L.Ratio[2]), chisq_df = as.numeric(diff(a$df)),
  p_value = as.numeric(a$`p-value`[2]))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "reference/orange_nlme_anova.json")
