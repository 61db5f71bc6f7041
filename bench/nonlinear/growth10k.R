# 10,000-subject logistic growth (docs/BENCHMARKS.md, issue 13): simulate, then time nlme on the same data.
#   Rscript bench/nonlinear/growth10k.R /tmp/growth10k.csv
args <- commandArgs(TRUE)
out <- if (length(args)) args[1] else "growth10k.csv"
set.seed(1)
m <- 10000
age <- c(118, 484, 664, 1004, 1372)
d <- data.frame(Tree = rep(sprintf("T%05d", 1:m), each = 5), age = rep(age, m))
asym <- rep(rnorm(m, 190, 30), each = 5)
d$circumference <- asym / (1 + exp((720 - d$age) / 345)) + rnorm(nrow(d), 0, 8)
write.csv(d, out, row.names = FALSE)
suppressMessages(library(nlme))
t <- system.time(f <- nlme(circumference ~ Asym / (1 + exp((xmid - age) / scal)), data = d,
    fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, start = c(Asym = 170, xmid = 700, scal = 350), method = "ML"))
print(t)
print(logLik(f)); print(fixef(f)); print(VarCorr(f))
