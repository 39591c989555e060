# The machinery of the one-stage patient-level (IPD) reference cases, shared by make_ipd_cases.R and
# make_ipd_output_cases.R: the simulated trials, the twin optima of clmm and glmer with their tolerance, the
# standard errors from the package's finite-difference Hessian, and the case writer (see make_ipd_cases.R
# for the method). With full = TRUE a case also holds the model's full output: the cut-points of clmm with
# their standard errors and its AIC; glmer's and glm's full coefficient table (estimate, SE, z, p), the
# intercepts, log-likelihood, deviance, AIC and BIC as summary() reports them.
# Sourced from the project folder; `outdir` is the first argument (default validation/extra).
suppressMessages({library(ordinal); library(lme4); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
ref <- sprintf("R %s, ordinal %s, lme4 %s", paste(R.version$major, R.version$minor, sep = "."),
               packageVersion("ordinal"), packageVersion("lme4"))

write_case <- function(id, title, call, analysis, data, options, expected, tol) {
  case <- list(id = id, title = title, reference = paste0(ref, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected,
               tolerance = list(relative = tol, absolute = 1e-9))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"),
             file.path(outdir, paste0(id, ".json")))
  cat(id, "tolerance", tol, "\n")
}

# tolerance from the agreement of two optima (named numeric vectors of the expected quantities)
tol_from <- function(a, b) {
  rel <- max(abs(a - b) / pmax(abs(a), 1e-3))
  max(1e-7, 10^ceiling(log10(10 * rel)))
}

# Newton's method on the package's own objective with ordinal:::deriv12's central differences
# (step 1e-4, as clmm's Hessian): from a derivative-free optimum, the finite-difference gradient
# locates the optimum far more tightly than function values can. Parameters in `fixed` stay put.
polish <- function(obj, p, fixed = rep(FALSE, length(p)), iters = 6) {
  for (k in seq_len(iters)) {
    D <- ordinal:::deriv12(function(q) { pp <- p; pp[!fixed] <- q; obj(pp) }, p[!fixed])
    step <- solve(D$Hessian, D$gradient)
    p[!fixed] <- p[!fixed] - step
    if (max(abs(step)) < 1e-11) break
  }
  p
}

# The Hessian for standard errors: deriv12's central second differences with step 1e-3 rather than
# its default 1e-4. The objectives carry rounding noise of about 1e-11 (clmm's inner iteration), which
# the default step divides by 1e-8, making standard errors reproducible only to about 1e-4; the larger
# step divides it by 1e-6, while its truncation error stays small (the log-likelihood is nearly
# quadratic over a fraction of a standard error). The second optimum's standard errors are taken with
# twice the step, so that the tolerance covers both the noise and the truncation of the differences.
HSTEP <- 1e-3

# ---- simulated trials -------------------------------------------------------------------------
# Ordinal mRS 0-6 by a latent logistic variable on clm's scale: Y* = x'beta + b0 + b1 treatment + e,
# Y = j when theta_{j-1} < Y* <= theta_j.
sim <- function(seed, k, nmin, nmax, tau0, tau1, rho, beta_trt = -0.8) {
  set.seed(seed)
  theta <- c(-1.2, 0.0, 0.8, 1.7, 2.9, 3.6)
  rows <- list()
  for (i in seq_len(k)) {
    n <- sample(nmin:nmax, 1)
    z1 <- rnorm(1); z2 <- rnorm(1)
    b0 <- tau0 * z1
    b1 <- tau1 * (rho * z1 + sqrt(1 - rho^2) * z2)
    trt <- rbinom(n, 1, 0.5)
    age <- round(rnorm(n, 68, 11))
    nihss <- pmax(2, round(rnorm(n, 15, 6)))
    sex <- rbinom(n, 1, 0.48)
    eta <- beta_trt * trt + 0.03 * (age - 68) + 0.12 * (nihss - 15) + 0.15 * sex + b0 + b1 * trt
    ystar <- eta + rlogis(n)
    y <- findInterval(ystar, theta, left.open = TRUE)
    rows[[i]] <- data.frame(study = sprintf("Trial %02d", i), treatment = trt, age = age, nihss = nihss,
                            sex = sex, outcome = y)
  }
  d <- do.call(rbind, rows)
  d[sample(nrow(d)), ]  # trials interleaved, as patients arrive in a pooled file
}

prep <- function(d) {
  d$y <- factor(d$outcome, levels = 0:6, ordered = TRUE)
  d$study <- factor(d$study)
  d
}

# ---- clmm -------------------------------------------------------------------------------------
clmm_case <- function(id, title, d, covs, re = c("intercept", "correlated", "independent", "treatment"), nagq = 1, full = FALSE) {
  re <- match.arg(re)
  dd <- prep(d)
  rhs <- paste(c("treatment", covs), collapse = " + ")
  term <- switch(re, intercept = "(1 | study)", correlated = "(1 + treatment | study)",
                 independent = "(1 | study) + (0 + treatment | study)", treatment = "(0 + treatment | study)")
  fml <- as.formula(paste("y ~", rhs, "+", term))
  ctrl <- clmm.control(gradTol = 1e-6, maxIter = 200, eval.max = 20000, iter.max = 10000, rel.tol = 1e-14)
  nfe <- length(levels(droplevels(dd$y))) - 1 + 1 + length(covs)
  if (re == "intercept") {
    # clmm's own fit, tightened
    f <- clmm(fml, data = dd, nAGQ = nagq, control = ctrl)
    rho <- clmm(fml, data = dd, nAGQ = nagq, control = ctrl, doFit = FALSE)
    obj <- function(p) if (nagq > 1) ordinal:::getNAGQ.ssr(rho, p) else ordinal:::getNLA.ssr(rho, p)
    p1 <- f$optRes$par
    # second optimum: another optimiser on the same objective from the fixed-effect start
    p2 <- optim(c(coef(clm(as.formula(paste("y ~", rhs)), data = dd)), log(0.3)), obj, method = "BFGS",
                control = list(reltol = 1e-15, maxit = 5000))$par
  } else {
    rho <- clmm(fml, data = dd, control = ctrl, doFit = FALSE)
    rho$ctrl$gradTol <- 1e-6
    obj <- function(p) ordinal:::getNLA(rho, p)
    lwr <- c(rep(-Inf, nfe), switch(re, correlated = c(0, 0, -Inf), independent = c(0, 0), treatment = 0))
    fi <- clmm(as.formula(paste("y ~", rhs, "+ (1 | study)")), data = dd, control = ctrl)
    st <- switch(re, correlated = c(fi$ST[[1]], 0.3, 0), independent = c(fi$ST[[1]], 0.3), treatment = 0.3)
    o1 <- nlminb(c(coef(fi), st), obj, lower = lwr, control = list(rel.tol = 1e-14, eval.max = 20000, iter.max = 10000))
    st2 <- switch(re, correlated = c(0.4, 0.4, 0.1), independent = c(0.4, 0.4), treatment = 0.4)
    objf <- function(p) { v <- obj(p); if (is.finite(v)) v else 1e10 }
    o2 <- optim(c(coef(fi), st2), objf, method = "L-BFGS-B", lower = lwr,
                control = list(factr = 1, pgtol = 0, maxit = 10000))
    p1 <- o1$par; p2 <- o2$par
  }
  bnd <- function(p) c(rep(FALSE, nfe), if (re == "intercept") p[nfe + 1] < log(1e-3)
                                          else (p[-(1:nfe)] < 1e-3 & seq_along(p[-(1:nfe)]) <= (if (re == "correlated") 2 else length(p) - nfe)))
  p1 <- polish(obj, p1, bnd(p1)); p2 <- polish(obj, p2, bnd(p2))
  best <- if (obj(p1) <= obj(p2)) p1 else p2
  other <- if (identical(best, p1)) p2 else p1
  summarise <- function(p, hstep = HSTEP) {
    nll <- obj(p)
    # clmm leaves standard deviations below 1e-3 (at the boundary) out of the Hessian (paratBoundary2)
    vcp <- p[-(1:nfe)]
    ndiag <- if (re == "correlated") 2 else length(vcp)
    bound <- c(rep(FALSE, nfe), if (re == "intercept") FALSE else (vcp < 1e-3 & seq_along(vcp) <= ndiag))
    # the Hessian in the exactly equivalent parameterisation with centred covariates (theta_c = theta -
    # mean'beta): the coefficients' covariance is the same, and the differences lose far fewer digits
    # than with uncentred covariates (where clmm's own vcov carries noise of about 1e-4)
    nth <- nfe - 1 - length(covs)
    m <- if (length(covs)) colMeans(dd[, covs, drop = FALSE]) else numeric(0)
    toC <- function(p) { q <- p; q[1:nth] <- p[1:nth] - sum(m * p[nth + 1 + seq_along(covs)]); q }
    fromC <- function(q) { p <- q; p[1:nth] <- q[1:nth] + sum(m * q[nth + 1 + seq_along(covs)]); p }
    pc <- toC(p)
    H <- ordinal:::deriv12(function(q) { qq <- pc; qq[!bound] <- q; obj(fromC(qq)) }, pc[!bound], delta = hstep)$Hessian
    V <- solve(H)
    se <- sqrt(diag(V))[1:nfe]
    vc <- p[-(1:nfe)]
    out <- list(loglik = -nll, beta = p[(nfe - length(covs)):nfe], se = se[(nfe - length(covs)):nfe])
    if (full) {
      # the cut-points' covariance back on the uncentred scale: theta = theta_c + m'beta_covariates
      J <- diag(nfe); J[1:nth, nth + 1 + seq_along(covs)] <- matrix(m, nth, length(covs), byrow = TRUE)
      Vth <- (J %*% V[1:nfe, 1:nfe] %*% t(J))[1:nth, 1:nth, drop = FALSE]
      out$theta <- p[1:nth]; out$theta_se <- sqrt(diag(Vth))
      out$aic <- 2 * nll + 2 * length(p)
    }
    if (re == "intercept") out$var <- c(random_intercept_var = exp(vc)^2)
    if (re == "correlated") { L <- matrix(c(vc[1], vc[3], 0, vc[2]), 2, 2); S <- L %*% t(L)
      out$var <- c(random_intercept_var = S[1, 1], random_treatment_var = S[2, 2], random_correlation = S[1, 2] / sqrt(S[1, 1] * S[2, 2])) }
    if (re == "independent") out$var <- c(random_intercept_var = vc[1]^2, random_treatment_var = vc[2]^2)
    if (re == "treatment") out$var <- c(random_treatment_var = vc[1]^2)
    out
  }
  s1 <- summarise(best); s2 <- summarise(other, 2 * HSTEP)
  names(s1$beta) <- names(s1$se) <- c("treatment", covs)
  e <- list(log_cor = -s1$beta[["treatment"]], se = s1$se[["treatment"]], coefficients = list(), loglik = s1$loglik)
  for (v in c("treatment", covs)) e$coefficients[[v]] <- list(estimate = s1$beta[[v]], se = s1$se[[v]])
  for (v in names(s1$var)) e[[v]] <- s1$var[[v]]
  if (full) {
    nms <- paste0(levels(dd$y)[seq_along(s1$theta)], "|", levels(dd$y)[seq_along(s1$theta) + 1])
    e$thresholds <- setNames(lapply(seq_along(s1$theta), function(j) list(estimate = s1$theta[j], se = s1$theta_se[j])), nms)
    e$aic <- s1$aic
  }
  tol <- tol_from(c(s1$beta, s1$se, s1$loglik, s1$var, s1$theta, s1$theta_se), c(s2$beta, s2$se, s2$loglik, s2$var, s2$theta, s2$theta_se))
  opts <- list(thresholds = "common", treatment_effect = if (re == "intercept") "fixed" else "random",
               study_effect = if (re == "treatment") "none" else "random_intercept", covariates = covs, nagq = nagq,
               direction = "lower_is_better")
  if (re %in% c("correlated", "independent")) opts$random_structure <- re
  call <- sprintf("clmm(%s, nAGQ=%d); optimum of clmm's own objective (%s) by nlminb/optim and Newton steps with deriv12's differences, inner gradTol 1e-6 (tighter settings make clmm's inner line search fail and the objective noisier), confirmed from a second start: tolerance %g = 10x their disagreement (standard errors compared at Hessian steps 1e-3 and 2e-3); SEs from ordinal:::deriv12 (step 1e-3) as vcov.clmm, in the equivalent parameterisation with centred covariates",
                  deparse(fml, width.cutoff = 500), nagq, if (re == "intercept") (if (nagq > 1) "getNAGQ.ssr" else "getNLA.ssr") else "getNLA", tol)
  write_case(id, title, call, "ipd_ordinal", d, opts, e, tol)
}

# ---- binary: glm and glmer, with the standardised risk difference ----------------------------
# RD = mean(plogis(eta1)) - mean(plogis(eta0)), eta with every patient treated / in control, each
# patient keeping their trial's intercept (glm) or the fixed intercept plus their trial's conditional
# mode (glmer); SE by the delta method: g = mean(p1(1-p1) x1 - p0(1-p0) x0), se = sqrt(g' V g).
rd_of <- function(X1, X0, coef, V, off = 0) {
  p1 <- plogis(drop(X1 %*% coef) + off); p0 <- plogis(drop(X0 %*% coef) + off)
  g <- colMeans(p1 * (1 - p1) * X1 - p0 * (1 - p0) * X0)
  list(estimate = mean(p1) - mean(p0), se = sqrt(drop(t(g) %*% V %*% g)), risk_treated = mean(p1), risk_control = mean(p0))
}

event_of <- function(d, cutoff, at_least) if (is.null(at_least)) as.integer(d$outcome <= cutoff) else as.integer(d$outcome >= at_least)

glm_case <- function(id, title, d, covs, cutoff = 2, at_least = NULL, full = FALSE) {
  dd <- prep(d); dd$ev <- event_of(d, cutoff, at_least)
  fml <- as.formula(paste("ev ~ 0 + study +", paste(c("treatment", covs), collapse = " + ")))
  f1 <- glm(fml, binomial, data = dd, control = glm.control(epsilon = 1e-15, maxit = 100))
  f2 <- glm(fml, binomial, data = dd, start = coef(f1) * 1.001, control = glm.control(epsilon = 1e-15, maxit = 100))
  X <- model.matrix(f1); X1 <- X; X1[, "treatment"] <- 1; X0 <- X; X0[, "treatment"] <- 0
  rd <- rd_of(X1, X0, coef(f1), vcov(f1))
  rd2 <- rd_of(X1, X0, coef(f2), vcov(f2))
  e <- list(log_or = coef(f1)[["treatment"]], se = sqrt(vcov(f1)["treatment", "treatment"]), coefficients = list(),
            loglik = as.numeric(logLik(f1)), risk_difference = rd)
  for (v in c("treatment", covs)) e$coefficients[[v]] <- list(estimate = coef(f1)[[v]], se = sqrt(vcov(f1)[v, v]))
  if (full) {
    # summary.glm's table (Wald z and p), the trial intercepts, and the fit statistics of glm
    ct <- coef(summary(f1))
    for (v in c("treatment", covs)) e$coefficients[[v]] <- list(estimate = ct[v, 1], se = ct[v, 2], z = ct[v, 3], p = ct[v, 4])
    # a trial in which no patient (or every patient) had the event has no finite intercept: glm stops at an
    # arbitrary large value with a huge SE, strokemeta reports it as infinite; such trials are not compared
    mixed <- names(which(tapply(dd$ev, dd$study, function(e) any(e == 0) && any(e == 1))))
    st <- intersect(grep("^study", rownames(ct), value = TRUE), paste0("study", mixed))
    e$intercepts <- setNames(lapply(st, function(r) list(estimate = ct[r, 1], se = ct[r, 2])), sub("^study", "", st))
    e$deviance <- deviance(f1); e$aic <- AIC(f1); e$bic <- BIC(f1); e$df_resid <- df.residual(f1)
  }
  v <- c("treatment", covs)
  tol <- tol_from(c(coef(f1)[v], sqrt(diag(vcov(f1)))[v], unlist(rd)), c(coef(f2)[v], sqrt(diag(vcov(f2)))[v], unlist(rd2)))
  opts <- list(outcome_cutoff = cutoff, study_effect = "stratified", covariates = covs, nagq = NULL)
  if (!is.null(at_least)) { opts$outcome_cutoff <- NULL; opts$event_at_least <- at_least }
  call <- sprintf("glm(%s, binomial, epsilon=1e-15); tolerance %g from the agreement of the reported values with a second fit from perturbed starting values; risk difference by its formula (see make_ipd_cases.R)",
                  deparse(fml, width.cutoff = 500), tol)
  write_case(id, title, call, "ipd_binary", d, opts, e, tol)
}

# conditional modes of the random intercepts given (theta, beta): maximise sum log p(y|b) + log dnorm(b, 0, theta)
modes_of <- function(dd, X, beta, theta) {
  b <- numeric(nlevels(dd$study)); names(b) <- levels(dd$study)
  if (theta == 0) return(b)
  for (s in levels(dd$study)) {
    i <- dd$study == s; eta <- drop(X[i, , drop = FALSE] %*% beta); y <- dd$ev[i]
    h <- function(v) sum(dbinom(y, 1, plogis(eta + v), log = TRUE)) + dnorm(v, 0, theta, log = TRUE)
    b[s] <- optimize(h, c(-10, 10), maximum = TRUE, tol = 1e-12)$maximum
  }
  b
}

glmer_case <- function(id, title, d, covs, cutoff = 2, nagq = 1, full = FALSE) {
  dd <- prep(d); dd$ev <- as.integer(d$outcome <= cutoff)
  fml <- as.formula(paste("ev ~", paste(c("treatment", covs), collapse = " + "), "+ (1 | study)"))
  f <- glmer(fml, binomial, data = dd, nAGQ = nagq,
             control = glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e6)))
  dev <- glmer(fml, binomial, data = dd, nAGQ = nagq, devFunOnly = TRUE)
  np <- length(fixef(f))
  o1 <- nlminb(c(getME(f, "theta"), fixef(f)), dev, lower = c(0, rep(-Inf, np)),
               control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 1e5, iter.max = 1e5))
  devs <- function(p) tryCatch(dev(p), error = function(e) 1e10)
  o2 <- nlminb(c(1.5 * getME(f, "theta") + 0.1, fixef(f) + 0.01), devs, lower = c(0, rep(-Inf, np)),
               control = list(rel.tol = 1e-15, eval.max = 1e5, iter.max = 1e5))
  q1 <- polish(dev, o1$par, c(o1$par[1] < 1e-6, rep(FALSE, np)))
  q2 <- polish(dev, o2$par, c(o2$par[1] < 1e-6, rep(FALSE, np)))
  best <- if (dev(q1) <= dev(q2)) q1 else q2
  other <- if (identical(best, q1)) q2 else q1
  X <- getME(f, "X"); X1 <- X; X1[, "treatment"] <- 1; X0 <- X; X0[, "treatment"] <- 0
  summarise <- function(p, hstep = HSTEP) {
    # as for clmm: the Hessian with centred covariates (intercept_c = intercept + mean'beta), an exact
    # reparameterisation that keeps the differences' digits
    k <- match(covs, colnames(X)); m <- if (length(covs)) colMeans(X[, k, drop = FALSE]) else numeric(0)
    toC <- function(p) { q <- p; q[2] <- p[2] + sum(m * p[1 + k]); q }
    fromC <- function(q) { p <- q; p[2] <- q[2] - sum(m * q[1 + k]); p }
    H <- lme4:::deriv12(function(q) dev(fromC(q)), toC(p), delta = hstep)$Hessian
    Vc <- solve(H / 2)[-1, -1]
    J <- diag(np); J[1, k] <- -m   # beta = J beta_c
    V <- J %*% Vc %*% t(J)
    beta <- p[-1]; names(beta) <- colnames(X)
    b <- modes_of(dd, X, beta, p[1])
    rd <- rd_of(X1, X0, beta, V, off = b[as.character(dd$study)])
    list(beta = beta, se = sqrt(diag(V)), var = p[1]^2, loglik = -dev(p) / 2, rd = rd,
         z = beta / sqrt(diag(V)), p = 2 * pnorm(-abs(beta / sqrt(diag(V)))))
  }
  s1 <- summarise(best); s2 <- summarise(other, 2 * HSTEP)
  e <- list(log_or = s1$beta[["treatment"]], se = s1$se[2], coefficients = list(), random_intercept_var = s1$var,
            loglik = s1$loglik, risk_difference = s1$rd)
  for (v in c("treatment", covs)) e$coefficients[[v]] <- list(estimate = s1$beta[[v]], se = s1$se[[which(colnames(X) == v)]])
  e$intercept <- s1$beta[[1]]
  if (full) {
    # summary.merMod's table (Wald z and p, the intercept's included) and its AICtab: deviance = -2 logLik,
    # AIC and BIC with the fixed effects and the variance counted, BIC with the number of patients
    for (v in c("treatment", covs)) {
      k <- which(colnames(X) == v)
      e$coefficients[[v]] <- list(estimate = s1$beta[[k]], se = s1$se[[k]], z = s1$z[[k]], p = s1$p[[k]])
    }
    e$intercepts <- list(intercept = list(estimate = s1$beta[[1]], se = s1$se[[1]], z = s1$z[[1]], p = s1$p[[1]]))
    npar <- np + 1; n <- nrow(dd)
    e$deviance <- -2 * s1$loglik; e$aic <- -2 * s1$loglik + 2 * npar; e$bic <- -2 * s1$loglik + log(n) * npar; e$df_resid <- n - npar
    stopifnot(abs(summary(f)$AICtab[["AIC"]] - e$aic) < 1e-4 * abs(e$aic), summary(f)$AICtab[["df.resid"]] == e$df_resid)
  }
  tol <- tol_from(c(s1$beta, s1$se, s1$var, unlist(s1$rd), if (full) c(s1$z, s1$p, s1$loglik)),
                  c(s2$beta, s2$se, s2$var, unlist(s2$rd), if (full) c(s2$z, s2$p, s2$loglik)))
  opts <- list(outcome_cutoff = cutoff, study_effect = "random_intercept", covariates = covs, nagq = nagq)
  call <- sprintf("glmer(%s, binomial, nAGQ=%d); optimum of glmer's deviance function (devFunOnly=TRUE) by nlminb from glmer's optimum and from a perturbed start, each finished by Newton steps with deriv12's differences: tolerance %g = 10x their disagreement (standard errors compared at Hessian steps 1e-3 and 2e-3); SEs from lme4:::deriv12 (step 1e-3) as vcov.merMod(use.hessian=TRUE), in the equivalent parameterisation with centred covariates; risk difference by its formula with the conditional modes",
                  deparse(fml, width.cutoff = 500), nagq, tol)
  write_case(id, title, call, "ipd_binary", d, opts, e, tol)
}

