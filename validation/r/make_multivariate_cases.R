# Reference cases of multivariate random-effects models (analysis "multivariate", validation/EXTRA-FORMAT.md):
# several outcomes per trial with known within-trial covariances (given, or built from a correlation as metafor's
# vcalc does) and a between-trial covariance of structure CS, HCS, UN or DIAG:
#   rma.mv(yi, V, mods = ~ outcome - 1 (+ moderators), random = ~ outcome | study, struct, method)
# Outcome levels are sorted (metafor's factor order): tau2 and rho follow it; rho of UN lists the pairs (1,2), (1,3),
# ..., (2,3), ... of that order.
# Tolerance 1e-4 relative: metafor's nlminb stops at a relative change of the objective of 1e-12 (1e-10 where it
# refuses the stricter value), which leaves the variance components and correlations uncertain to about 1e-5.
# Usage: Rscript validation/r/make_multivariate_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages(library(metadat))

mv_case <- function(id, title, d, V, struct, method, mods = NULL, rho_given = NULL, covcols = TRUE) {
  d$outcome <- factor(d$outcome)
  f <- if (is.null(mods)) ~ outcome - 1 else as.formula(paste("~ outcome - 1 +", paste(mods, collapse = " + ")))
  fit <- function(tol) rma.mv(yi, V, mods = f, random = ~ outcome | study, struct = struct, data = d, method = method,
                              control = list(rel.tol = tol, iter.max = 10000, eval.max = 10000))
  tol <- 1e-12
  r <- tryCatch(fit(tol), error = function(e) NULL)
  if (is.null(r)) { tol <- 1e-10; r <- fit(tol) }   # nlminb may refuse the stricter tolerance
  nm <- c(levels(d$outcome), mods)
  co <- list()
  for (j in seq_along(nm)) co[[nm[j]]] <- list(estimate = r$beta[j], se = r$se[j], z = r$zval[j], p = r$pval[j],
                                               ci_lower = r$ci.lb[j], ci_upper = r$ci.ub[j])
  rho <- if (struct == "DIAG") NULL else if (struct %in% c("CS", "HCS")) r$rho else r$G[upper.tri(r$G)] / sqrt(outer(r$tau2, r$tau2)[upper.tri(r$G)])
  e <- list(coefficients = co, tau2 = I(r$tau2), qe = r$QE, qe_df = r$k - r$p, qe_p = r$QEp, qm = r$QM, qm_df = r$QMdf[1], qm_p = r$QMp,
            loglik = as.numeric(logLik(r)), k = r$k, n_studies = length(unique(d$study)))
  if (!is.null(rho)) e$rho <- I(rho)
  data <- d[, c("study", "outcome", "yi", "vi", if (covcols) paste0("cov_", levels(d$outcome)), mods)]
  data$outcome <- as.character(data$outcome)
  opts <- list(struct = struct, method = method, moderators = I(if (is.null(mods)) character(0) else mods), level = 0.95)
  if (!is.null(rho_given)) opts$within_rho <- rho_given
  write_case_file(id, title, sprintf("rma.mv(yi, V, mods = %s, random = ~ outcome | study, struct = '%s', method = '%s', control = list(rel.tol = %g))%s",
                  deparse(f), struct, method, tol, if (is.null(rho_given)) "; V from the cov_ columns" else sprintf("; V = vcalc(vi, cluster = study, obs = outcome, rho = %s)", rho_given)),
                  "multivariate", data, opts, e, tol = list(relative = 1e-4, absolute = 1e-8))
}

# dat.berkey1998: periodontal disease, two outcomes (PD, AL) per trial with known covariances (v1i, v2i)
b <- dat.berkey1998
b$study <- paste0("Trial ", b$trial)
V <- bldiag(lapply(split(b[, c("v1i", "v2i")], b$trial), as.matrix))
b$cov_PD <- b$v1i   # each row's covariance with the trial's PD effect (its variance on the PD row)
b$cov_AL <- b$v2i   # and with its AL effect
mv_case("mv_berkey_un_reml", "Periodontal disease (Berkey 1998): two outcomes, known covariances, UN, REML", b, V, "UN", "REML")
mv_case("mv_berkey_cs_reml", "Periodontal disease (Berkey 1998): two outcomes, known covariances, CS, REML", b, V, "CS", "REML")
mv_case("mv_berkey_diag_ml", "Periodontal disease (Berkey 1998): two outcomes, known covariances, DIAG, ML", b, V, "DIAG", "ML")
mv_case("mv_berkey_hcs_ml", "Periodontal disease (Berkey 1998): two outcomes, known covariances, HCS, ML", b, V, "HCS", "ML")
# the within-trial covariances built from a correlation (vcalc), ignoring the given ones
b2 <- b
Vr <- vcalc(vi, cluster = study, obs = outcome, rho = 0.5, data = b2)
mv_case("mv_berkey_un_vcalc05", "Periodontal disease (Berkey 1998): within-trial correlation 0.5 (vcalc), UN, REML", b2, Vr, "UN", "REML", rho_given = 0.5,
        covcols = FALSE)

# simulated stroke trials: log odds ratios of mRS 0-2, death and symptomatic ICH per trial, within-trial correlation 0.4
set.seed(20261206)
nt <- 12
s <- data.frame(study = rep(sprintf("Trial %02d", seq_len(nt)), each = 3), outcome = rep(c("mrs02", "death", "sich"), nt))
s$vi <- round(ifelse(s$outcome == "sich", runif(3 * nt, 0.15, 0.6), runif(3 * nt, 0.02, 0.08)), 6)
mu <- c(mrs02 = 0.55, death = -0.2, sich = 0.4)
u <- rep(rnorm(nt, 0, 0.15), each = 3)
s$yi <- round(mu[s$outcome] + u + rnorm(3 * nt, 0, 0.1) + rnorm(3 * nt, 0, sqrt(s$vi)), 6)
s <- s[!(s$study == "Trial 03" & s$outcome == "sich"), ]   # a trial that did not report one outcome
s$year <- 2014 + as.integer(factor(s$study)) %/% 2             # publication year, a moderator
Vs <- vcalc(vi, cluster = study, obs = outcome, rho = 0.4, data = s)
mv_case("mv_stroke_cs_vcalc04_year", "Simulated stroke trials: mRS 0-2, death, sICH (one outcome missing), within-trial correlation 0.4, CS, REML, year as moderator", s, Vs,
        "CS", "REML", rho_given = 0.4, covcols = FALSE, mods = "year")
# No unstructured case of three outcomes: on simulated stroke data (30 trials) every optimiser of metafor stops where
# the correlation matrix of the outcomes is singular (its determinant -5e-4), a maximum on the edge of the parameter
# space, and the likelihood rises beyond it; the two-outcome unstructured cases above are interior.
