# References for what follows a glmmTMB fit (glmmTMB 1.1.5): residuals(type = "response" and "pearson")
# and confint(method = "profile"), for the Owls ZIP (offset) and the Salamanders ZINB2 of zero_inflation_glmmtmb.R,
# and the profile intervals of the epilepsy nbinom2 model of families_glmmtmb.R.
# Run from this directory:  Rscript glmmtmb_after_fit.R   (writes ../<id>_after_fit.json)
# The build never runs R: the JSON files are committed.
suppressPackageStartupMessages({library(glmmTMB); library(jsonlite)})
data_dir <- "../../data"

after_fit <- function(id, data, formula, zi, family, factors, profile) {
  d <- read.csv(file.path(data_dir, data))
  for (f in factors) d[[f]] <- factor(d[[f]])
  fam <- switch(family, poisson = poisson(), nbinom2 = nbinom2(), nbinom1 = nbinom1())
  fit <- glmmTMB(as.formula(formula), ziformula = as.formula(if (is.null(zi)) "~ 0" else zi), data = d, family = fam,
                 control = glmmTMBControl(optCtrl = list(iter.max = 1e4, eval.max = 1e4)))
  out <- list(id = paste0(id, "_after_fit"), data = data, software = paste("glmmTMB", packageVersion("glmmTMB")),
              formula = formula, zi = zi, family = family, factors = factors,
              log_likelihood = as.numeric(logLik(fit)),
              residuals_response = as.numeric(residuals(fit, type = "response")),
              residuals_pearson = as.numeric(residuals(fit, type = "pearson")))
  if (profile) {
    t0 <- Sys.time()
    ci <- confint(fit, method = "profile")
    # glmmTMB profiles a standard deviation on the log scale ("theta_1|Nest.1"): exp() gives the sd's interval
    sd_rows <- grep("^theta_", rownames(ci))
    ci[sd_rows, ] <- exp(ci[sd_rows, ])
    out$profile_seconds <- as.numeric(Sys.time() - t0, units = "secs")
    out$profile_intervals <- lapply(seq_len(nrow(ci)), function(i)
      list(parameter = rownames(ci)[i], lower = ci[i, 1], upper = ci[i, 2]))
  }
  write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path("..", paste0(id, "_after_fit.json")))
  cat(id, "\n")
}

after_fit("owls_zipoisson_offset", "owls.csv",
          "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)", "~ 1", "poisson", c("Nest"), TRUE)
after_fit("salamanders_zinbinom2", "salamanders.csv", "count ~ spp + mined + (1 | site)", "~ mined", "nbinom2", c("site"), FALSE)
after_fit("epil_nbinom2", "epil.csv", "y ~ lbase * trt + lage + V4 + (1 | subject)", NULL, "nbinom2", c("subject"), TRUE)
