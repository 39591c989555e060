# Reference cases of the general one-stage mixed models (analysis "ipd_mixed"): lme4/ordinal formulas with a
# multi-arm treatment factor, treatment x occlusion-site interactions inside the mixed model, random slopes on
# a covariate, nested and crossed random effects, probit and complementary log-log links, case weights;
# ordinal outcomes as ordinal::clmm fits them, binary ones as lme4::glmer (logit) or a two-category clmm
# (probit, cloglog), all by the Laplace approximation.
#
# Why not the packages' returned estimates: both evaluate the Laplace approximation with an inexact conditional
# mode (clmm's inner gradTol 1e-4 by default, glmer's PIRLS tolPwrss 1e-7), and because -log det H is not
# stationary in the mode, their objectives carry smooth errors of about 1e-6 (glmer) to 1e-4 (clmm) in the
# deviance, which move finite-difference standard errors by 1e-4 relative. The reference is therefore the same
# Laplace approximation evaluated exactly, in plain R: lme4's own random-effects structure (mkReTrms: Zt, Lambdat,
# Lind, lower, cnms, as glmer and clmm build it), the conditional mode by Newton's method to a step of 1e-12, and
# -2 log L = -2 sum w log p(y | u) + |u|^2 + log det(I + A'WA), A = Z Lambda, W = -w d2 log p / d eta2 (Bates et
# al. 2015, eq. 45 and section 5.5; Christensen 2019 for the cumulative link). Each case checks that it is the
# package's objective: at the package's own optimum the two differ by less than the package's inner tolerance
# allows (recorded in the case), and the package's estimates lie within that noise of the reference optimum.
# The optimum is found twice (nlminb from the package's fit, L-BFGS-B from a perturbed start), each finished by
# Newton steps on numDeriv's Richardson-extrapolated gradient (relative steps 1e-3 and 2e-3); standard errors from
# numDeriv's Richardson Hessian of the exact objective with centred fixed-effect columns (relative steps 2e-2, 4e-2:
# smaller first steps leave errors of 1e-4 in some standard errors, checked against the Jacobian of a Richardson
# gradient);
# the tolerance is ten times the two optima's largest relative disagreement, at least 1e-7. The limit is the
# Hessian's: the objective is smooth to its rounding (1e-12 of the deviance), but designs with interaction
# dummies make the information matrix ill-conditioned, so standard errors are reproducible to about 1e-5.
# Factor levels are sorted in the C locale (as strokemeta sorts them); the reference level is the first.
# Usage: Rscript validation/r/make_mixed_cases.R [outdir]   (default: validation/extra)
source("validation/r/ipd_common.R")
invisible(Sys.setlocale("LC_COLLATE", "C"))

# ---- data: 8 trials, two of them three-armed, 3 centres per trial, 4 countries crossed with trials ----------
simx <- function(seed) {
  set.seed(seed)
  theta <- c(-1.2, 0.0, 0.8, 1.7, 2.9, 3.6)
  rows <- list()
  for (i in 1:8) {
    n <- sample(150:230, 1)
    arms <- if (i <= 2) c("control", "evt", "evt_ext") else c("control", "evt")
    arm <- sample(arms, n, replace = TRUE)
    site <- sample(c("ICA", "M1", "M2"), n, replace = TRUE, prob = c(0.25, 0.55, 0.20))
    centre <- sample(sprintf("C%d", 1:3), n, replace = TRUE)
    country <- sprintf("K%d", ((i + match(centre, sprintf("C%d", 1:3))) %% 4) + 1)
    age <- round(rnorm(n, 68, 11)); nihss <- pmax(2, round(rnorm(n, 15, 6)))
    b0 <- rnorm(1, 0, 0.5); bage <- rnorm(1, 0, 0.12); bc <- rnorm(3, 0, 0.35)[match(centre, sprintf("C%d", 1:3))]
    bk <- c(-0.3, 0.1, 0.25, -0.05)[as.integer(substr(country, 2, 2))]
    age10 <- (age - 70) / 10
    eta <- -0.8 * (arm == "evt") - 1.0 * (arm == "evt_ext") + 0.2 * (site == "M1") - 0.1 * (site == "M2") +
      0.45 * (arm != "control") * (site == "M2") + (0.3 + bage) * age10 + 0.1 * (nihss - 15) + b0 + bc + bk
    y <- findInterval(eta + rlogis(n), theta, left.open = TRUE)
    rows[[i]] <- data.frame(study = sprintf("Trial %02d", i), centre = centre, country = country, arm = arm, site = site,
                            age = age, age10 = age10, nihss = nihss, mrs = y, mrs02 = as.integer(y <= 2))
  }
  d <- do.call(rbind, rows)
  d[sample(nrow(d)), ]
}
D <- simx(3303)

# ---- the Laplace approximation, exactly ---------------------------------------------------------------------
links <- list(
  logit = list(F = function(x) plogis(x), S = function(x) plogis(-x), f = function(x) dlogis(x),
               fp = function(x) { p <- plogis(x); dlogis(x) * (1 - 2 * p) }),
  probit = list(F = function(x) pnorm(x), S = function(x) pnorm(-x), f = function(x) dnorm(x), fp = function(x) -x * dnorm(x)),
  cloglog = list(F = function(x) -expm1(-exp(x)), S = function(x) exp(-exp(x)), f = function(x) ifelse(is.finite(exp(x)), exp(x - exp(x)), 0),
                 fp = function(x) ifelse(is.finite(exp(x)), exp(x - exp(x)) * -expm1(x), 0)))

# log p of each row and its first two derivatives in eta; y in 0..J-1, P(Y <= j) = F(th_j - eta)
cl_terms <- function(y, eta, th, L) {
  J <- length(th) + 1
  a <- ifelse(y < J - 1, c(th, Inf)[y + 1] - eta, Inf)
  b <- ifelse(y > 0, c(-Inf, th)[y + 1] - eta, -Inf)
  p <- ifelse(b > 0, L$S(b) - L$S(a), L$F(a) - L$F(b))
  fa <- ifelse(is.finite(a), L$f(a), 0); fb <- ifelse(is.finite(b), L$f(b), 0)
  fpa <- ifelse(is.finite(a), L$fp(a), 0); fpb <- ifelse(is.finite(b), L$fp(b), 0)
  d1 <- -(fa - fb) / p
  d2 <- (fpa - fpb) / p - d1^2
  list(lp = log(p), d1 = d1, d2 = d2)
}

# the model's structures: y (0 = first category; for a binary outcome 0 = the event), the fixed columns (X, with
# the sign that makes P(Y <= j) = F(th_j - X beta - Z b)), lme4's random-effects terms, the weights
mixed_setup <- function(d, formula, family, link, weights) {
  fml <- as.formula(formula)
  mf <- model.frame(lme4::subbars(fml), d)
  fixed <- lme4::nobars(fml)
  X <- model.matrix(fixed, mf); X <- X[, colnames(X) != "(Intercept)", drop = FALSE]
  rt <- lme4::mkReTrms(lme4::findbars(fml), mf)
  yv <- mf[[1]]
  if (family == "binomial") { y <- 1L - as.integer(yv); sgn <- -1 } else { y <- match(yv, sort(unique(yv))) - 1L; sgn <- 1 }
  w <- if (is.null(weights)) rep(1, nrow(mf)) else d[[weights]]
  list(y = y, X = sgn * X, names = colnames(X), Zt = as.matrix(rt$Zt), Lambdat = rt$Lambdat, Lind = rt$Lind, lower = rt$lower,
       cnms = rt$cnms, nth = length(unique(y)) - 1, L = links[[link]], w = w, cats = sort(unique(yv)))
}

# -2 log L and the mode; par = c(thresholds (or the intercept), beta, lme4's theta)
make_dev <- function(S) {
  nth <- S$nth; np <- ncol(S$X); nt <- length(S$lower); Q <- nrow(S$Zt)
  ustart <- rep(0, Q)
  function(par) {
    th <- par[1:nth]; beta <- par[nth + seq_len(np)]; theta <- par[nth + np + seq_len(nt)]
    if (nth > 1 && any(diff(th) <= 0)) return(Inf)
    Lt <- S$Lambdat; Lt@x <- theta[S$Lind]
    A <- t(as.matrix(Lt) %*% S$Zt)
    off <- drop(S$X %*% beta)
    u <- ustart
    inner <- function(u) { ct <- cl_terms(S$y, off + drop(A %*% u), th, S$L); list(ct = ct, h = sum(S$w * ct$lp) - sum(u^2) / 2) }
    cur <- inner(u)
    for (it in 1:200) {
      g <- drop(crossprod(A, S$w * cur$ct$d1)) - u
      H <- diag(Q) + crossprod(A, A * (-S$w * cur$ct$d2))
      step <- solve(H, g)
      if (max(abs(step)) < 1e-12) break
      f <- 1
      repeat { nu <- u + f * step; nx <- inner(nu); if (is.finite(nx$h) && nx$h >= cur$h - 1e-12 * abs(cur$h)) break; f <- f / 2; if (f < 1e-10) break }
      u <- nu; cur <- nx
    }
    ct <- cur$ct
    H <- diag(Q) + crossprod(A, A * (-S$w * ct$d2))
    ustart <<- u
    -2 * (sum(S$w * ct$lp) - sum(u^2) / 2) + 2 * sum(log(diag(chol(H))))
  }
}

# Newton's method with numDeriv's Richardson-extrapolated gradient (relative step d) and deriv12's Hessian: the
# fixed point is where the extrapolated gradient vanishes, within about 1e-10 of the maximum (deriv12's own central
# gradient, with its O(h^2) truncation, would leave about 1e-8)
polish_rich <- function(obj, p, fixed, d, iters = 8) {
  for (k in seq_len(iters)) {
    f1 <- function(q) { pp <- p; pp[!fixed] <- q; obj(pp) }
    g <- numDeriv::grad(f1, p[!fixed], method.args = list(d = d, r = 4))
    H <- ordinal:::deriv12(f1, p[!fixed], delta = 1e-4)$Hessian
    step <- solve(H, g)
    p[!fixed] <- p[!fixed] - step
    if (max(abs(step)) < 1e-12) break
  }
  p
}

mixed_case <- function(id, title, d, formula, family = "ordinal", link = "logit", weights = NULL) {
  dd <- d
  for (v in c("study", "centre", "country", "arm", "site")) if (v %in% names(dd)) dd[[v]] <- factor(dd[[v]])
  S <- mixed_setup(dd, formula, family, link, weights)
  dev <- make_dev(S)
  nth <- S$nth; np <- ncol(S$X); nt <- length(S$lower)
  # the package's fit: starting values and the check that the objective is the package's
  fml <- as.formula(formula)
  if (family == "binomial" && link == "logit") {
    f <- if (is.null(weights)) glmer(fml, binomial, data = dd) else glmer(fml, binomial, data = dd, weights = dd[[weights]])
    pdev <- if (is.null(weights)) glmer(fml, binomial, data = dd, devFunOnly = TRUE) else glmer(fml, binomial, data = dd, weights = dd[[weights]], devFunOnly = TRUE)
    start <- c(fixef(f)[1], fixef(f)[-1], getME(f, "theta"))
    pkg_at <- function(p) pdev(c(p[nth + np + seq_len(nt)], p[1:(nth + np)]))
    pkg <- "glmer"
  } else {
    de <- dd
    if (family == "binomial") de[[all.vars(fml)[1]]] <- factor(1L - de[[all.vars(fml)[1]]], levels = 0:1, ordered = TRUE)
    else de[[all.vars(fml)[1]]] <- factor(de[[all.vars(fml)[1]]], ordered = TRUE)
    ctrl <- clmm.control(useMatrix = TRUE)
    f <- if (is.null(weights)) clmm(fml, data = de, link = link, control = ctrl) else clmm(fml, data = de, link = link, weights = de[[weights]], control = ctrl)
    rho <- if (is.null(weights)) clmm(fml, data = de, link = link, control = ctrl, doFit = FALSE) else clmm(fml, data = de, link = link, weights = de[[weights]], control = ctrl, doFit = FALSE)
    sg <- if (family == "binomial") -1 else 1
    # clmm's ST is Lambda per term: theta (lme4, lower triangle by columns) from it, in cnms order
    th_of_ST <- function(ST) unlist(lapply(names(S$cnms), function(g) { L <- ST[[g]]; L[lower.tri(L, diag = TRUE)] }))
    stopifnot(all(names(S$cnms) %in% names(f$ST)))
    start <- c(f$alpha, sg * f$beta, th_of_ST(f$ST))
    ST_of_th <- function(theta) { out <- f$ST; at <- 0
      for (g in names(S$cnms)) { q <- length(S$cnms[[g]]); L <- matrix(0, q, q); L[lower.tri(L, diag = TRUE)] <- theta[at + seq_len(q * (q + 1) / 2)]; at <- at + q * (q + 1) / 2; out[[g]] <- L }
      out }
    pkg_at <- function(p) 2 * ordinal:::getNLA(rho, c(p[1:nth], sg * p[nth + seq_len(np)], ordinal:::ST2par(ST_of_th(p[nth + np + seq_len(nt)]))))
    rho$fepar <- c(f$alpha, f$beta)
    pkg <- "clmm"
  }
  lwr <- c(rep(-Inf, nth + np), S$lower)
  o1 <- nlminb(start, dev, lower = lwr, control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 1e5, iter.max = 1e5))
  st2 <- start; k <- nth + np + seq_len(nt); st2[k] <- ifelse(S$lower == 0, 1.3 * start[k] + 0.05, 0.7 * start[k]); st2[1:(nth + np)] <- start[1:(nth + np)] * 1.01
  devf <- function(p) { v <- dev(p); if (is.finite(v)) v else 1e10 }
  o2 <- optim(st2, devf, method = "L-BFGS-B", lower = lwr, control = list(factr = 1, pgtol = 0, maxit = 10000))
  bnd <- function(p) c(rep(FALSE, nth + np), S$lower == 0 & p[k] < 1e-6)
  # a variance parameter below 1e-6 is at its boundary: exactly 0 (the likelihood is even in it), not polished
  at0 <- function(p) { p[bnd(p)] <- 0; p }
  q1 <- polish_rich(dev, at0(o1$par), bnd(o1$par), 1e-3); q2 <- polish_rich(dev, at0(o2$par), bnd(o2$par), 2e-3)
  best <- q1; other <- q2
  # the package's objective at the package's optimum and at the reference optimum
  pk_own <- pkg_at(start); ex_own <- dev(start)
  gap <- abs(pk_own - ex_own)
  w <- S$w; m <- colSums(S$X * w) / sum(w)
  summarise <- function(p, hstep) {
    bound <- bnd(p)
    # centred columns: P(Y <= j) = F(th_j - x'b) = F((th_j - m'b) - x_c'b)
    toC <- function(p) { q <- p; q[1:nth] <- p[1:nth] - sum(m * p[nth + seq_len(np)]); q }
    fromC <- function(q) { p <- q; p[1:nth] <- q[1:nth] + sum(m * q[nth + seq_len(np)]); p }
    pc <- toC(p)
    H <- numDeriv::hessian(function(q) { qq <- pc; qq[!bound] <- q; dev(fromC(qq)) }, pc[!bound], method.args = list(d = hstep, r = 4))
    V <- solve(H / 2)[1:(nth + np), 1:(nth + np)]
    J <- diag(nth + np); J[1:nth, nth + seq_len(np)] <- matrix(m, nth, np, byrow = TRUE)
    V <- J %*% V %*% t(J)
    re <- list(); at <- nth + np
    for (g in seq_along(S$cnms)) {
      qn <- length(S$cnms[[g]]); L <- matrix(0, qn, qn); L[lower.tri(L, diag = TRUE)] <- p[at + seq_len(qn * (qn + 1) / 2)]
      at <- at + qn * (qn + 1) / 2; Sg <- L %*% t(L); sd <- sqrt(diag(Sg))
      cr <- if (qn > 1) { C <- Sg / outer(sd, sd); diag(C) <- 1; C } else matrix(1)
      re[[g]] <- list(group = names(S$cnms)[g], effects = S$cnms[[g]], sd = sd, cor = cr)
    }
    list(p = p[1:(nth + np)], se = sqrt(diag(V)), loglik = -dev(p) / 2, re = re, npar = length(p))
  }
  s1 <- summarise(best, 2e-2); s2 <- summarise(other, 4e-2)
  e <- list(loglik = s1$loglik, aic = -2 * s1$loglik + 2 * s1$npar, thresholds = list(), coefficients = list(), random = list())
  thn <- if (family == "binomial") "(Intercept)" else paste0(S$cats[1:nth], "|", S$cats[2:(nth + 1)])
  for (j in 1:nth) e$thresholds[[thn[j]]] <- list(estimate = s1$p[[j]], se = s1$se[[j]])
  for (j in seq_len(np)) e$coefficients[[S$names[j]]] <- list(estimate = s1$p[[nth + j]], se = s1$se[[nth + j]])
  for (r in s1$re) e$random[[length(e$random) + 1]] <- list(group = r$group, effects = I(r$effects), sd = I(unname(r$sd)),
                                                            correlation = I(unname(as.vector(t(r$cor)))))
  flat <- function(s) c(s$p, s$se, s$loglik, unlist(lapply(s$re, function(r) c(r$sd, r$cor))))
  tol <- tol_from(flat(s1), flat(s2))
  drift <- max(abs(start[1:(nth + np)] - best[1:(nth + np)]) / pmax(abs(best[1:(nth + np)]), 0.1))
  stopifnot(dev(best) <= ex_own + 1e-8, dev(other) <= ex_own + 1e-8)
  opts <- list(formula = formula, family = family, link = link)
  if (!is.null(weights)) opts$weights <- weights
  call <- sprintf("%s(%s%s%s); the Laplace approximation evaluated exactly in plain R on lme4's mkReTrms structures (conditional modes to 1e-12), maximised twice and finished by Newton steps on Richardson gradients: tolerance %g = 10x the disagreement of the two optima (gradient steps 1e-3, 2e-3) and their Hessians (steps 2e-2, 4e-2); %s's own objective differs from it by %.2g in the deviance at %s's optimum, whose fixed effects lie within %.2g (relative) of the reference optimum; SEs from numDeriv's Richardson Hessian (relative step 2e-2) with centred fixed-effect columns",
                  pkg, formula, if (pkg == "glmer") ", binomial" else sprintf(", link = '%s'", link),
                  if (is.null(weights)) "" else paste0(", weights = ", weights), tol, pkg, gap, pkg, drift)
  write_case(id, title, call, "ipd_mixed", d, opts, e, tol)
  cat(sprintf("   %s: package objective gap %.3g, package estimates drift %.3g\n", id, gap, drift))
}

mixed_case("mixed_ord_multiarm_site", "8 trials (two three-armed): mRS shift with a three-level treatment factor, its interaction with occlusion site, random trial intercept",
           D, "mrs ~ arm * site + age10 + (1 | study)")
mixed_case("mixed_ord_slope_age", "8 trials: mRS shift with a random trial intercept and a correlated random slope of age (decades from 70)",
           D, "mrs ~ arm + age10 + nihss + (1 + age10 | study)")
mixed_case("mixed_ord_nested", "8 trials, 3 centres each: mRS shift with random intercepts of trial and of centre within trial",
           D, "mrs ~ arm + site + (1 | study/centre)")
mixed_case("mixed_ord_crossed", "8 trials and 4 countries (crossed): mRS shift with random intercepts of trial and of country",
           D, "mrs ~ arm + age10 + (1 | study) + (1 | country)")
mixed_case("mixed_ord_probit_nested", "8 trials, 3 centres each: cumulative probit mixed model, trial and centre within trial",
           D, "mrs ~ arm + age10 + (1 | study/centre)", link = "probit")
mixed_case("mixed_ord_cloglog_slope", "8 trials: cumulative complementary log-log mixed model with a random slope of age",
           D, "mrs ~ arm + age10 + (1 + age10 | study)", link = "cloglog")
mixed_case("mixed_bin_multiarm_site", "8 trials (two three-armed): mRS 0-2 with a three-level treatment factor and its interaction with occlusion site, random trial intercept",
            D, "mrs02 ~ arm * site + age10 + (1 | study)", family = "binomial")
mixed_case("mixed_bin_slope_age", "8 trials: mRS 0-2, random trial intercept and correlated random slope of age",
            D, "mrs02 ~ arm + age10 + (1 + age10 | study)", family = "binomial")
mixed_case("mixed_bin_probit_slope", "8 trials: mRS 0-2, binary probit mixed model with a correlated random slope of age (two-category clmm)",
           D, "mrs02 ~ arm + age10 + (1 + age10 | study)", family = "binomial", link = "probit")
mixed_case("mixed_bin_cloglog_crossed", "8 trials and 4 countries (crossed): mRS 0-2, binary complementary log-log mixed model (two-category clmm)",
           D, "mrs02 ~ arm + site + (1 | study) + (1 | country)", family = "binomial", link = "cloglog")
mixed_case("mixed_bin_nested", "8 trials, 3 centres each: mRS 0-2 with random intercepts of trial and of centre within trial",
            D, "mrs02 ~ arm + site + (1 | study/centre)", family = "binomial")

# case weights: the patients counted by trial, arm, site and outcome, fitted with the counts as weights
agg <- aggregate(list(count = rep(1, nrow(D))), by = D[, c("study", "arm", "site", "mrs")], FUN = sum)
agg <- agg[order(agg$study, agg$arm, agg$site, agg$mrs), ]
mixed_case("mixed_ord_weights", "8 trials as a table of counts (trial, arm, site, mRS): mRS shift with a random trial intercept, the counts as case weights",
           agg, "mrs ~ arm + site + (1 | study)", weights = "count")
