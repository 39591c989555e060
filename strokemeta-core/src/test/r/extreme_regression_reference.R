# Reference values for src/test/java/org/strokemeta/pool/ExtremeRegressionTest.java and
# src/test/java/org/strokemeta/bias/ExtremeBiasTest.java: meta-regressions (one numeric moderator) in
# which one study's sampling variance is 1e-10 or 1e-300, or the variances range from 1e-6 to 1e6.
# R 4.2.2, metafor 3.8.1. Run with:  Rscript strokemeta-core/src/test/r/extreme_regression_reference.R
#
# Two sources, printed side by side:
#  - metafor::rma, at its default threshold (1e-5) and tightened (threshold 1e-12, maxiter 1000);
#  - an independent computation in exact-arithmetic-free but cancellation-free form, the error
#    contrasts of REML (Harville 1977, JASA 72:320): with K an orthonormal basis of the space
#    orthogonal to the columns of X, P = K (K'VK)^-1 K' (V = diag(vi + tau2)), which involves no
#    inverse weight at all, so a variance of 1e-300 is as easy as one of 0.1. The estimators are the
#    roots of metafor's fixed-point equations (REML y'PPy = tr(P), ML y'PPy = sum(w), EB/PM
#    y'Py = k - p) found by uniroot at tolerance 1e-15, followed by metafor's check of the
#    likelihood at tau2 = 0 (ML, REML); DL is (y'Py - (k - p)) / tr(P) at tau2 = 0.
# metafor computes P as W - WX(X'WX)^-1X'W: with w = 1e10 that loses digits (its DL and QE at
# tau2 = 0 are off in the fifth digit, at 1e-12 they are wrong) and with w = 1e300 solve() stops
# ("singular matrix 'a' in solve"). Its PM is found by uniroot at tolerance 1.2e-4.
suppressWarnings(suppressMessages(library(metafor)))
p <- function(label, ...) cat(label, sprintf("%.17g", c(...)), "\n")

contrasts <- function(X) { q <- qr(X); qr.Q(q, complete = TRUE)[, (ncol(X) + 1):nrow(X), drop = FALSE] }
Pmat <- function(K, v, t2) K %*% solve(crossprod(K, (v + t2) * K), t(K))
ll <- function(y, v, X, K, t2, reml) {
  P <- Pmat(K, v, t2); q <- c(t(y) %*% P %*% y)
  if (reml) -0.5 * c(determinant(crossprod(K, (v + t2) * K))$modulus) - 0.5 * q
  else -0.5 * sum(log(v + t2)) - 0.5 * q
}
wls <- function(y, v, X, t2) {
  # weighted least squares by the QR decomposition of W^1/2 X (no X'WX)
  s <- 1 / sqrt(v + t2); q <- qr(s * X, tol = 0)
  b <- qr.coef(q, s * y); Ri <- backsolve(qr.R(q), diag(ncol(X)))
  list(b = b, vb = Ri %*% t(Ri))
}
reference <- function(y, v, X, method) {
  K <- contrasts(X); k <- length(y); pp <- ncol(X)
  Q <- function(t2) { P <- Pmat(K, v, t2); c(t(y) %*% P %*% y) }
  score <- function(t2) {
    P <- Pmat(K, v, t2); Py <- P %*% y
    switch(method, REML = sum(Py^2) - sum(diag(P)), ML = sum(Py^2) - sum(1 / (v + t2)),
           EB = , PM = c(t(y) %*% Py) - (k - pp))
  }
  if (method == "DL") { P <- Pmat(K, v, 0); return(max(0, (Q(0) - (k - pp)) / sum(diag(P)))) }
  # the root where the score turns from positive to negative (ML's score is negative at 0 when one
  # weight is huge, positive further on): the last sign change on a logarithmic grid, then uniroot
  hi <- 100; while (score(hi) > 0) hi <- hi * 10
  grid <- c(0, 10^seq(-12, log10(hi), by = 0.25))
  s <- sapply(grid, score)
  up <- which(s > 0)
  if (length(up) == 0) return(0)
  j <- max(up)
  t2 <- uniroot(score, c(grid[j], grid[j + 1]), tol = 1e-15, maxiter = 10000)$root
  if (method %in% c("ML", "REML") && ll(y, v, X, K, 0, method == "REML") - ll(y, v, X, K, t2, method == "REML") >
      .Machine$double.eps^0.25) t2 <- 0
  t2
}
show <- function(tag, y, v, x, methods = c("REML", "ML", "EB", "PM", "DL"), metafor = TRUE) {
  X <- cbind(1, x); k <- length(y)
  for (m in methods) {
    t2 <- reference(y, v, X, m); f <- wls(y, v, X, t2)
    p(paste(tag, m, "reference tau2 b0 b1 se0 se1"), t2, f$b, sqrt(diag(f$vb)))
    if (m == "REML") {
      s2 <- c(t(y) %*% Pmat(contrasts(X), v, t2) %*% y) / (k - 2)
      p(paste(tag, m, "reference knha se0 se1"), sqrt(diag(f$vb) * s2))
    }
    if (m == "DL" || m == "REML") p(paste(tag, m, "reference Q(0) tr(P(0))"), c(t(y) %*% Pmat(contrasts(X), v, 0) %*% y),
                                    sum(diag(Pmat(contrasts(X), v, 0))))
    if (metafor) for (th in c(1e-5, 1e-12)) {
      r <- tryCatch(suppressWarnings(rma(y, v, mods = ~ x, method = m, control = list(threshold = th, maxiter = 1000))),
                    error = function(e) conditionMessage(e))
      if (is.character(r)) { cat(tag, m, "metafor", th, "error:", r, "\n"); next }
      p(paste(tag, m, "metafor", th, "tau2 b0 b1 se0 se1 QE"), r$tau2, r$beta, r$se, r$QE)
      if (m == "REML") {
        rk <- suppressWarnings(rma(y, v, mods = ~ x, method = m, test = "knha", control = list(threshold = th, maxiter = 1000)))
        p(paste(tag, m, "metafor", th, "knha se0 se1 QM"), rk$se, rk$QM)
      }
    }
  }
}

# A. One study with sampling variance 1e-10, one numeric moderator
y <- c(-0.8, 0.5, -1.5, 0.2, 0.9, -0.3); x <- 1:6
show("A", y, c(1e-10, 0.01, 0.02, 0.05, 0.03, 0.04), x)
# B. The same with 1e-300 (metafor: "singular matrix 'a' in solve")
show("B", y, c(1e-300, 0.01, 0.02, 0.05, 0.03, 0.04), x)
# C. Huge but valid: variances from 1e-6 to 1e6
yc <- c(0.3, -0.2, 1.1, 0.4, -0.9, 0.7, 0.05, 2.5); xc <- c(0.5, 1.5, 2, 3.5, 4, 5, 6.5, 8)
show("C", yc, c(1e6, 1e-6, 0.02, 0.5, 1e3, 0.04, 0.3, 1e-6 * 3), xc)

# D. Egger's tests and trim-and-fill (src/test/java/org/strokemeta/bias/ExtremeBiasTest.java), the
# data of A without the moderator; metafor answers both at 1e-10 and at 1e-300
for (vb in c(1e-10, 1e-300)) {
  v <- c(vb, 0.01, 0.02, 0.05, 0.03, 0.04)
  ctrl <- list(threshold = 1e-12, maxiter = 1000)
  rt <- suppressWarnings(regtest(rma(y, v, control = ctrl)))
  p(paste("D regtest", vb, "zval pval limit tau2"), rt$zval, rt$pval, rt$est, rt$fit$tau2)
  rl <- suppressWarnings(regtest(y, v, model = "lm"))
  p(paste("D regtest lm", vb, "tval pval limit"), rl$zval, rl$pval, rl$est)
  tf <- suppressWarnings(trimfill(rma(y, v, control = ctrl)))
  p(paste("D trimfill", vb, "side", tf$side, "k0 b se tau2"), tf$k0, tf$beta, tf$se, tf$tau2)
}
