suppressPackageStartupMessages(library(glmmTMB))
set.seed(16); n <- 100000; m <- 1000
g <- sample(rep(1:m, n / m)); x <- rnorm(n); z <- runif(n)
mu <- exp(0.5 + 0.4 * x - 0.3 * z + rnorm(m, 0, 0.5)[g])
y <- rnbinom(n, size = 2, mu = mu)
write.csv(data.frame(y, x, z, g), "nb100k.csv", row.names = FALSE)
t <- system.time(fit <- glmmTMB(y ~ x + z + (1 | g), data = data.frame(y, x, z, g = factor(g)), family = nbinom2()))
cat("glmmTMB elapsed", t[["elapsed"]], "logLik", logLik(fit), "theta", sigma(fit), "\n")
