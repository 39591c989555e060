# Reference cases of logistic mixed models of 2x2 tables (analysis "glmm_binary", validation/FORMAT.md) computed with
# the exact approximations glmer is meant to compute: the Laplace approximation (UM.RS) and adaptive Gauss-Hermite
# quadrature (UM.FS) with the conditional modes converged to 1e-14, maximised by optim, standard errors from
# numDeriv's Richardson Hessian of the log-likelihood in all parameters (as glmer's vcov takes its Hessian).
# glmer itself stops its inner penalised iteratively reweighted least squares early (tolPwrss): on dat.collins1985a
# its objective at its optimum differs from the Laplace approximation by 2.4e-5 and its finite-difference Hessian
# gives a standard error 1.7e-3 (relative) below the Hessian of the exact approximation (printed below).
# Usage: Rscript validation/r/make_glmm_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages({library(metadat); library(numDeriv); library(lme4)})

# Gauss-Hermite nodes and weights (weight exp(-x^2)) by the Golub-Welsch method
gh <- function(m) {
  if (m == 1) return(list(x = 0, w = sqrt(pi)))
  J <- matrix(0, m, m); for (i in 1:(m - 1)) J[i, i + 1] <- J[i + 1, i] <- sqrt(i / 2)
  e <- eigen(J, symmetric = TRUE); o <- order(e$values)
  list(x = e$values[o], w = sqrt(pi) * e$vectors[1, o]^2)
}

# one trial's log marginal likelihood: arms x, n; fixed logits e; loadings C (arms x q) of z ~ N(0, I)
marg <- function(x, n, e, C, nagq) {
  q <- ncol(C); z <- rep(0, q)
  for (it in 1:200) {
    pr <- plogis(e + C %*% z)
    g <- t(C) %*% (x - n * pr) - z
    H <- -t(C) %*% (as.vector(n * pr * (1 - pr)) * C) - diag(q)
    st <- solve(H, g); z <- z - st
    if (max(abs(st)) < 1e-14) break
  }
  pr <- plogis(e + C %*% z)
  H <- -t(C) %*% (as.vector(n * pr * (1 - pr)) * C) - diag(q)
  lg <- function(zz) sum(dbinom(x, n, plogis(e + C %*% zz), log = TRUE)) - sum(zz^2) / 2 - q / 2 * log(2 * pi)
  if (nagq <= 1 || q > 1) return(lg(z) + q / 2 * log(2 * pi) - 0.5 * log(det(-H)))
  s <- 1 / sqrt(-H[1, 1]); r <- gh(nagq)
  t <- sapply(seq_along(r$x), function(j) log(r$w[j]) + lg(z + sqrt(2) * s * r$x[j]) + r$x[j]^2)
  max(t) + log(sum(exp(t - max(t)))) + log(sqrt(2) * s)
}

ll_rs <- function(d, p) sum(sapply(seq_len(nrow(d)), function(i)
  marg(c(d$xt[i], d$xc[i]), c(d$nt[i], d$nc[i]), c(p[1] + p[2], p[1]), rbind(c(p[3], p[4] / 2), c(p[3], -p[4] / 2)), 1)))
ll_fs <- function(d, alpha, theta, tau, nagq) sum(sapply(seq_len(nrow(d)), function(i)
  marg(c(d$xt[i], d$xc[i]), c(d$nt[i], d$nc[i]), c(alpha[i] + theta, alpha[i]), rbind(tau / 2, -tau / 2), nagq)))

fit_rs <- function(d, start) {
  o <- optim(start, function(p) -ll_rs(d, p), method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
  o <- optim(o$par, function(p) -ll_rs(d, p), method = "Nelder-Mead", control = list(reltol = 1e-16, maxit = 20000))
  p <- o$par; p[3:4] <- abs(p[3:4])
  H <- hessian(function(q) ll_rs(d, q), p, method.args = list(d = 1e-3, r = 6))
  list(p = p, ll = ll_rs(d, p), se = sqrt(diag(solve(-H)))[2])
}

# a bracket for a trial's intercept: 8 around the logit of its control arm's event rate
br <- function(d, i) qlogis((d$xc[i] + 0.5) / (d$nc[i] + 1)) + c(-8, 8)

fit_fs <- function(d, nagq) {
  k <- nrow(d)
  prof <- function(th, tau) sum(sapply(seq_len(k), function(i) optimize(function(a)
    marg(c(d$xt[i], d$xc[i]), c(d$nt[i], d$nc[i]), c(a + th, a), rbind(tau / 2, -tau / 2), nagq), br(d, i), maximum = TRUE,
    tol = 1e-12)$objective))
  o <- optim(c(0, 0.5), function(p) -prof(p[1], p[2]), method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
  o <- optim(o$par, function(p) -prof(p[1], p[2]), method = "Nelder-Mead", control = list(reltol = 1e-16, maxit = 20000))
  th <- o$par[1]; tau <- abs(o$par[2])
  alpha <- sapply(seq_len(k), function(i) optimize(function(a)
    marg(c(d$xt[i], d$xc[i]), c(d$nt[i], d$nc[i]), c(a + th, a), rbind(tau / 2, -tau / 2), nagq), br(d, i), maximum = TRUE,
    tol = 1e-12)$maximum)
  full <- function(q) ll_fs(d, q[1:k], q[k + 1], q[k + 2], nagq)
  H <- hessian(full, c(alpha, th, tau), method.args = list(d = 1e-3, r = 6))
  list(theta = th, tau = tau, ll = full(c(alpha, th, tau)), se = sqrt(diag(solve(-H)))[k + 1])
}

write_glmm <- function(id, title, d, model, nagq, f, extra = list()) {
  est <- if (model == "UM.RS") f$p[2] else f$theta
  z <- est / f$se
  e <- c(list(estimate = est, se = f$se, z = z, p = 2 * pnorm(-abs(z)), ci_lower = est - qnorm(0.975) * f$se,
              ci_upper = est + qnorm(0.975) * f$se, tau2 = if (model == "UM.RS") f$p[4]^2 else f$tau^2, loglik = f$ll, k = nrow(d)), extra)
  data <- data.frame(study = d$study, events_treat = d$xt, total_treat = d$nt, events_ctrl = d$xc, total_ctrl = d$nc)
  write_case_file(id, title, paste0("exact ", if (model == "UM.RS") "Laplace approximation" else paste0(nagq, "-point adaptive Gauss-Hermite quadrature"),
                  " of validation/r/make_glmm_cases.R (modes to 1e-14, optim, numDeriv Hessian d = 1e-3, r = 6); the models of ",
                  "metafor rma.glmm(measure = 'OR', model = '", model, "', method = 'ML')"), "glmm_binary", data,
                  list(measure = "OR", model = model, method = "ML", nagq = nagq), e, tol = list(relative = 1e-4, absolute = 1e-7))
}

c10 <- dat.collins1985a
c10 <- head(c10[!is.na(c10$b.xti) & !is.na(c10$b.xci), ], 10)   # the first 10 trials, as the shared case glmm_collins10_umrs
col <- data.frame(study = paste(c10$trial, c10$year), xt = c10$b.xti, nt = c10$nti, xc = c10$b.xci, nc = c10$nci)
long <- data.frame(x = c(rbind(col$xt, col$xc)), m = c(rbind(col$nt - col$xt, col$nc - col$xc)), g1 = rep(c(1, 0), nrow(col)),
                   g12 = rep(c(1/2, -1/2), nrow(col)), s = factor(rep(seq_len(nrow(col)), each = 2)))
m <- glmer(cbind(x, m) ~ 0 + g1 + 1 + (g12 || s), data = long, family = binomial, nAGQ = 1)
rs <- fit_rs(col, c(fixef(m)[["(Intercept)"]], fixef(m)[["g1"]], getME(m, "theta")))
cat(sprintf("collins UM.RS: glmer logLik %.10f, se %.10f; exact Laplace logLik %.10f, se %.10f\n", logLik(m), sqrt(vcov(m)["g1", "g1"]), rs$ll, rs$se))
write_glmm("glmm_collins10_umrs_exact", "Diuretics in pregnancy (Collins 1985, 10 trials): UM.RS, exact Laplace approximation", col, "UM.RS", 1, rs,
           list(sigma2 = rs$p[3]^2))
fs <- fit_fs(col, 7)
write_glmm("glmm_collins10_umfs_q7", "Diuretics in pregnancy (Collins 1985, 10 trials): UM.FS, 7-point adaptive quadrature", col, "UM.FS", 7, fs)
nw <- dat.nielweise2007
nw <- nw[!(nw$ai == 0 & nw$ci == 0), ]
niel <- data.frame(study = paste(nw$author, nw$year), xt = nw$ai, nt = nw$n1i, xc = nw$ci, nc = nw$n2i)
fs2 <- fit_fs(niel, 7)
write_glmm("glmm_nielweise_umfs_q7", "Catheter-related infection (Niel-Weise 2007): UM.FS, 7-point adaptive quadrature, zero cells", niel, "UM.FS", 7, fs2)
