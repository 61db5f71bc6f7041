# 10^6-row binary data for the report's size check (docs/BENCHMARKS.md, "The report of a 10^6-row binary fit"):
# 20,000 clusters of 50 rows, y ~ x1 + x2 + x3 + (1 + x1 | g), logit link. Usage: Rscript binary_1m.R OUT.csv
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "binary_1m.csv"
set.seed(12)
G <- 20000; m <- 50; n <- G * m
g <- rep(seq_len(G), each = m)
x1 <- rnorm(n); x2 <- rnorm(n); x3 <- runif(n)
b0 <- rnorm(G, 0, 0.8); b1 <- rnorm(G, 0, 0.4)
eta <- -0.5 + 0.6 * x1 - 0.4 * x2 + 0.3 * x3 + b0[g] + b1[g] * x1
y <- rbinom(n, 1, plogis(eta))
d <- data.frame(g = paste0("g", g), x1 = round(x1, 5), x2 = round(x2, 5), x3 = round(x3, 5), y = y)
write.csv(d, out, row.names = FALSE, quote = FALSE)
