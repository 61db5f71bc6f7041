# Makes the nested-grouping nlme references nested_nlme_ml.json and nested_nlme_reml.json (issue 13: random Asym at
# two levels, nlme's random = Asym ~ 1 | farm/plot), and their data data/nested_growth.csv (simulated here, seed 13).
# Run from glimmer-core/src/test/resources: Rscript reference/r/nlme_nested_references.R. The build never runs R.
# Groups are named as Glimmer and lme4 name them: the outer "farm", the inner "plot:farm".
suppressMessages(library(nlme))
suppressMessages(library(jsonlite))
if (!file.exists("data/nested_growth.csv")) {
  set.seed(13)
  farms <- 12; plots <- 4; age <- c(118, 300, 484, 664, 850, 1004, 1372)
  d <- expand.grid(age = age, plot = sprintf("P%d", 1:plots), farm = sprintf("F%02d", 1:farms), stringsAsFactors = FALSE)
  d <- d[, c("farm", "plot", "age")]
  fa <- rnorm(farms, 0, 20); names(fa) <- sprintf("F%02d", 1:farms)
  pa <- rnorm(farms * plots, 0, 12); names(pa) <- paste(rep(sprintf("F%02d", 1:farms), each = plots), sprintf("P%d", 1:plots))
  asym <- 200 + fa[d$farm] + pa[paste(d$farm, d$plot)]
  d$height <- round(asym / (1 + exp((700 - d$age) / 350)) + rnorm(nrow(d), 0, 6), 3)
  write.csv(d, "data/nested_growth.csv", row.names = FALSE)
}
d <- read.csv("data/nested_growth.csv"); d$farm <- factor(d$farm); d$plot <- factor(d$plot)
logis <- height ~ Asym / (1 + exp((xmid - age) / scal))
st <- c(Asym = 190, xmid = 650, scal = 300)
write_ref <- function(id, fm, method) {
  tt <- summary(fm)$tTable
  fe <- lapply(seq_len(nrow(tt)), function(i) list(term = rownames(tt)[i], estimate = tt[i, "Value"],
    std_error = tt[i, "Std.Error"], t_df = tt[i, "DF"], statistic = tt[i, "t-value"], p_value = tt[i, "p-value"]))
  vc <- VarCorr(fm)
  sds <- as.numeric(vc[, "StdDev"])
  # VarCorr rows: "farm =", "Asym", "plot =", "Asym", "Residual"
  re <- list(list(group = "farm", term = "Asym", std_dev = sds[2]), list(group = "plot:farm", term = "Asym", std_dev = sds[4]))
  out <- list(id = id, data = "nested_growth.csv", software = paste("nlme", packageVersion("nlme"), "nlme"),
    model = "height ~ Asym / (1 + exp((xmid - age) / scal))", random = "Asym ~ 1 | farm/plot", start = as.list(st), method = method)
  out$n_obs <- fm$dims$N
  out$log_likelihood <- as.numeric(logLik(fm))
  out$fixed_effects <- fe
  out$random_effects <- re
  out$residual_std_dev <- fm$sigma
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), paste0("reference/", id, ".json"))
}
for (method in c("ML", "REML")) {
  fm <- nlme(logis, d, fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | farm/plot, start = st, method = method)
  print(VarCorr(fm)); print(summary(fm)$tTable); print(logLik(fm))
  write_ref(paste0("nested_nlme_", tolower(method)), fm, method)
}
