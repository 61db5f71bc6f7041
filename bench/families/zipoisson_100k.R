# Zero-inflated Poisson benchmark data (issue 16): 100,000 rows, 1,000 groups, seed 16.
# y = 0 with probability plogis(-1 + 0.8 w), else Poisson(exp(0.5 + 0.4 x - 0.3 z + b_g)), b_g ~ N(0, 0.5^2).
# Model: y ~ x + z + (1 | g), zero inflation ~ w.  Writes zip100k.csv here.
set.seed(16); n <- 100000; m <- 1000
g <- sample(rep(1:m, n / m)); x <- rnorm(n); z <- runif(n); w <- rnorm(n)
mu <- exp(0.5 + 0.4 * x - 0.3 * z + rnorm(m, 0, 0.5)[g])
structural <- runif(n) < plogis(-1 + 0.8 * w)
y <- ifelse(structural, 0, rpois(n, mu))
write.csv(data.frame(y, x, z, w, g), "zip100k.csv", row.names = FALSE)
