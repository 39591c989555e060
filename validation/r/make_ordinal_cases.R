# Reference cases for the proportional-odds engine beyond the shared corpus: common against
# stratified cut-points on patient-level data with covariates, tables fitted with counts as weights,
# mRS 5 and 6 merged, two-stage pooling with every tau² estimator, the likelihood-ratio test of
# proportional odds against clm's nominal = ~treatment, agreement with MASS::polr, empty categories
# dropped as clm drops unused levels, a trial with one arm, and the clinical summaries (probability
# of a better outcome with its NNT, utility-weighted mRS) computed from their formulas.
# Usage: Rscript validation/r/make_ordinal_cases.R [outdir]   (default: validation/extra)
suppressMessages({
  library(ordinal)
  library(MASS)
  library(metafor)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
ref <- sprintf("R %s, ordinal %s, MASS %s, metafor %s", paste(R.version$major, R.version$minor, sep = "."),
               packageVersion("ordinal"), packageVersion("MASS"), packageVersion("metafor"))
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500)
tight <- list(threshold = 1e-12, tol = 1e-14)

write_case <- function(id, title, call, analysis, data, options, expected, tol = list(relative = 1e-6, absolute = 1e-9)) {
  case <- list(id = id, title = title, reference = paste0(ref, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected, tolerance = tol)
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "\n")
}

pooled <- function(res, random = TRUE, knha = FALSE) {
  e <- list(estimate = res$beta[1], se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, p = res$pval,
            q = res$QE, q_df = res$k - res$p, q_p = res$QEp, i2 = res$I2, h2 = res$H2, tau2 = res$tau2, tau = sqrt(res$tau2))
  if (knha) { e$t <- res$zval; e$df <- res$ddf } else e$z <- res$zval
  if (random) { pr <- predict(res); e$pi_lower <- pr$pi.lb; e$pi_upper <- pr$pi.ub }
  e
}

## ---- simulated data ------------------------------------------------------------------------

# Tables: per trial its own baseline (control) mRS distribution, a proportional-odds shift by
# treatment with a trial-specific log cOR, multinomial counts per arm.
sim_table <- function(seed, k, nmin, nmax, logcor = 0.5, spread = 0.25) {
  set.seed(seed)
  base <- c(0.06, 0.12, 0.15, 0.17, 0.22, 0.10, 0.18)
  rows <- list()
  for (s in seq_len(k)) {
    theta <- qlogis(cumsum(base)[1:6]) + rnorm(1, 0, 0.3)
    b <- rnorm(1, logcor, spread)
    for (arm in c("treatment", "control")) {
      cp <- plogis(theta + if (arm == "treatment") b else 0)
      p <- diff(c(0, cp, 1))
      n <- sample(nmin:nmax, 1)
      rows[[length(rows) + 1]] <- list(study = sprintf("Trial %02d", s), arm = arm, counts = as.vector(rmultinom(1, n, p)))
    }
  }
  rows
}

# Long form of a table for clm/polr: one row per trial, arm and non-empty category, count as weight.
long_table <- function(rows, merge = NULL) {
  out <- do.call(rbind, lapply(rows, function(r) {
    cnt <- r$counts
    if (!is.null(merge)) cnt <- merge_counts(cnt, merge)
    data.frame(study = r$study, treatment = as.integer(r$arm == "treatment"), y = seq_along(cnt) - 1, count = cnt)
  }))
  out <- out[out$count > 0, ]
  out$study <- factor(out$study, levels = unique(out$study))
  out$y <- factor(out$y, levels = sort(unique(out$y)), ordered = TRUE)
  out
}
merge_counts <- function(cnt, merge) {
  from <- merge[1] + 1; to <- merge[2] + 1
  c(cnt[seq_len(from - 1)], sum(cnt[from:to]), cnt[-seq_len(to)])
}

# Patient-level data: trial-specific cut-points, treatment and covariates on clm's scale.
sim_ipd <- function(seed, sizes, beta = c(treatment = -0.55, age = 0.03, nihss = 0.12, sex = 0.15)) {
  set.seed(seed)
  d <- do.call(rbind, lapply(seq_along(sizes), function(s) {
    n <- sizes[s]
    treatment <- rbinom(n, 1, 0.5)
    age <- round(rnorm(n, 68, 12))
    nihss <- pmin(40, pmax(2, round(rnorm(n, 16, 5))))
    sex <- rbinom(n, 1, 0.45)
    theta <- qlogis(c(0.08, 0.2, 0.35, 0.5, 0.7, 0.85)) + 4 + rnorm(1, 0, 0.4)
    lat <- beta[1] * treatment + beta[2] * age + beta[3] * nihss + beta[4] * sex + rlogis(n)
    data.frame(study = sprintf("Trial %02d", s), treatment = treatment, age = age, nihss = nihss, sex = sex,
               outcome = findInterval(lat, theta))
  }))
  d[sample(nrow(d)), ]
}

## ---- expected values -----------------------------------------------------------------------

fx <- function(f) list(log_cor = -unname(coef(f)["treatment"]), se = unname(sqrt(diag(vcov(f)))["treatment"]))
one_stage <- function(f, level = 0.95) {
  b <- -unname(coef(f)["treatment"]); se <- unname(sqrt(diag(vcov(f))["treatment"]))
  q <- qnorm(1 - (1 - level) / 2)
  list(log_cor = b, se = se, ci_lower = b - q * se, ci_upper = b + q * se, z = b / se, p = 2 * pnorm(-abs(b / se)),
       loglik = as.numeric(logLik(f)))
}
coefs <- function(f, names) {
  v <- sqrt(diag(vcov(f)))
  setNames(lapply(names, function(n) list(estimate = unname(coef(f)[n]), se = unname(v[n]))), names)
}
# per-stratum cut-points of clm(nominal = ~study): the intercept row plus the study's own row
cuts_strat <- function(f, studies) {
  am <- f$alpha.mat
  setNames(lapply(studies, function(s) {
    r <- paste0("study", s)
    unname(am["(Intercept)", ] + if (r %in% rownames(am)) am[r, ] else 0)
  }), studies)
}
cuts_common <- function(f) list(common = unname(f$alpha))

po_test <- function(f_po, f_np, J) {
  lr <- 2 * (as.numeric(logLik(f_np)) - as.numeric(logLik(f_po)))
  a <- anova(f_po, f_np)
  stopifnot(abs(a$LR.stat[2] - lr) < 1e-8, a$df[2] == J - 2)
  nm <- paste0(0:(J - 2), "|", 1:(J - 1), ".treatment")
  v <- sqrt(diag(vcov(f_np)))
  list(statistic = lr, df = J - 2, p = pchisq(lr, J - 2, lower.tail = FALSE),
       cut_log_or = unname(coef(f_np)[nm]), cut_se = unname(v[nm]))
}

# Probability of a better outcome (0 = best) and its delta-method SE for two independent
# multinomial samples (Agresti 1980); S[i, j] = sign(j - i) is +1 when the treated patient in
# category i is better off than the control patient in category j.
benefit <- function(t, c, level = 0.95) {
  pt <- t / sum(t); pc <- c / sum(c); J <- length(t)
  S <- sign(outer(seq_len(J), seq_len(J), function(i, j) j - i))
  P <- outer(pt, pc)
  better <- sum(P[S > 0]); worse <- sum(P[S < 0]); tie <- sum(diag(P))
  d <- better - worse
  # cross-check with the Mann-Whitney statistic on the patients
  yt <- rep(seq_len(J), t); yc <- rep(seq_len(J), c)
  w <- suppressWarnings(wilcox.test(yc, yt, exact = FALSE)$statistic)   # #(yc > yt) + ties/2
  stopifnot(abs(2 * w / (length(yt) * length(yc)) - 1 - d) < 1e-12)
  gT <- as.vector(S %*% pc); gC <- as.vector(t(S) %*% pt)
  se <- sqrt((sum(pt * gT^2) - d^2) / sum(t) + (sum(pc * gC^2) - d^2) / sum(c))
  q <- qnorm(1 - (1 - level) / 2)
  lo <- max(-1, d - q * se); hi <- min(1, d + q * se)
  list(p_better = better, p_worse = worse, p_tie = tie, difference = d, se = se, ci_lower = lo, ci_upper = hi,
       z = d / se, p = 2 * pnorm(-abs(d / se)), nnt = 1 / d, nnt_limit_a = 1 / hi, nnt_limit_b = 1 / lo)
}
weights_uw <- list(chaisinanunkul2015 = c(1, 0.91, 0.76, 0.65, 0.33, 0, 0), dawn = c(10, 9.1, 7.6, 6.5, 3.3, 0, 0))
utility <- function(t, c, w, level = 0.95) {
  ut <- rep(w, t); uc <- rep(w, c)
  tt <- t.test(ut, uc, var.equal = FALSE)
  d <- mean(ut) - mean(uc); se <- tt$stderr
  q <- qnorm(1 - (1 - level) / 2)
  list(mean_treatment = mean(ut), mean_control = mean(uc), sd_treatment = sd(ut), sd_control = sd(uc),
       difference = d, se = se, ci_lower = d - q * se, ci_upper = d + q * se, z = d / se, p = 2 * pnorm(-abs(d / se)))
}
arm_counts <- function(rows, study) {
  pick <- function(arm) Reduce(`+`, lapply(Filter(function(r) r$arm == arm && (is.null(study) || r$study == study), rows),
                                           function(r) r$counts))
  list(t = pick("treatment"), c = pick("control"))
}

## ---- tables --------------------------------------------------------------------------------

tab <- sim_table(31, 6, 120, 400)
opts_tab <- function(stage, thresholds, ...) c(list(stage = stage, thresholds = thresholds, treatment_effect = "fixed",
                                                    direction = "lower_is_better"), list(...))

# one stage, mRS 5-6 merged, common and stratified; another confidence level
lt <- long_table(tab, merge = c(5, 6))
f <- clm(y ~ treatment, weights = count, data = lt, control = ctl)
write_case("ord_sim31_one_stage_common_merge56", "Simulated mRS tables, 6 trials, mRS 5-6 merged, one-stage common cut-points",
           "clm(y ~ treatment, weights = count) on mRS 5-6 merged; log_cor = -coef(treatment)", "ordinal", tab,
           opts_tab("one", "common", merge = c(5, 6)), c(one_stage(f), list(cut_points = cuts_common(f))))
f <- clm(y ~ treatment, nominal = ~study, weights = count, data = lt, control = ctl)
write_case("ord_sim31_one_stage_strat_merge56", "Simulated mRS tables, 6 trials, mRS 5-6 merged, one-stage stratified cut-points",
           "clm(y ~ treatment, nominal = ~study, weights = count) on mRS 5-6 merged", "ordinal", tab,
           opts_tab("one", "stratified", merge = c(5, 6)), c(one_stage(f), list(cut_points = cuts_strat(f, levels(lt$study)))))
lt7 <- long_table(tab)
f <- clm(y ~ treatment, nominal = ~study, weights = count, data = lt7, control = ctl)
write_case("ord_sim31_one_stage_strat_level90", "Simulated mRS tables, 6 trials, one-stage stratified cut-points, 90% CI",
           "clm(y ~ treatment, nominal = ~study, weights = count); Wald 90% CI", "ordinal", tab,
           opts_tab("one", "stratified", level = 0.9), one_stage(f, 0.9))

# agreement with MASS::polr (common cut-points). polr's standard errors come from a finite-difference
# Hessian (optim) and agree with the analytic ones to about 1e-4 only, so estimates are compared.
p <- polr(y ~ treatment, weights = count, data = lt7, control = list(reltol = 1e-15, maxit = 1000))
f <- clm(y ~ treatment, weights = count, data = lt7, control = ctl)
stopifnot(abs(coef(p) - coef(f)["treatment"]) < 1e-7)
write_case("ord_sim31_one_stage_common_polr", "Simulated mRS tables, 6 trials, one-stage common cut-points: MASS::polr",
           "polr(y ~ treatment, weights = count, control = list(reltol = 1e-15)); log_cor = -coef; cut-points = zeta",
           "ordinal", tab, opts_tab("one", "common"),
           list(log_cor = -unname(coef(p)), loglik = as.numeric(logLik(p)), cut_points = list(common = unname(p$zeta))))

# two stage: per-trial clm, then every tau² estimator, Hartung-Knapp, fixed effect
per_trial <- function(rows, merge = NULL) {
  lt <- long_table(rows, merge)
  fits <- lapply(levels(lt$study), function(s) clm(droplevels(y) ~ treatment, weights = count,
                                                    data = droplevels(subset(lt, study == s)), control = ctl))
  list(names = levels(lt$study), yi = sapply(fits, function(f) -coef(f)["treatment"]),
       sei = sapply(fits, function(f) sqrt(diag(vcov(f)))["treatment"]))
}
studies_of <- function(pt) setNames(lapply(seq_along(pt$names), function(i) list(log_cor = unname(pt$yi[i]), se = unname(pt$sei[i]))), pt$names)
pt <- per_trial(tab)
for (m in c("DL", "ML", "PM", "SJ", "HE", "HS", "EB")) {
  res <- rma(pt$yi, sei = pt$sei, method = m, control = tight)
  write_case(paste0("ord_sim31_two_stage_", tolower(m)), paste("Simulated mRS tables, 6 trials, two-stage,", m),
             sprintf("per trial clm(y ~ treatment, weights = count), log_cor = -coef; rma(log_cor, sei, method = '%s')", m),
             "ordinal", tab, opts_tab("two", "stratified", model = "random", tau2_method = m, ci_method = "z"),
             c(list(studies = studies_of(pt)), pooled(res)))
}
res <- rma(pt$yi, sei = pt$sei, method = "REML", test = "knha", control = tight)
write_case("ord_sim31_two_stage_reml_knha", "Simulated mRS tables, 6 trials, two-stage, REML with Hartung-Knapp",
           "per trial clm(y ~ treatment, weights = count); rma(log_cor, sei, method = 'REML', test = 'knha')", "ordinal", tab,
           opts_tab("two", "stratified", model = "random", tau2_method = "REML", ci_method = "knha"),
           c(list(studies = studies_of(pt)), pooled(res, knha = TRUE)))
res <- rma(pt$yi, sei = pt$sei, method = "FE")
write_case("ord_sim31_two_stage_fixed", "Simulated mRS tables, 6 trials, two-stage, fixed effect",
           "per trial clm(y ~ treatment, weights = count); rma(log_cor, sei, method = 'FE')", "ordinal", tab,
           opts_tab("two", "stratified", model = "fixed"), c(list(studies = studies_of(pt)), pooled(res, random = FALSE)))
ptm <- per_trial(tab, merge = c(5, 6))
res <- rma(ptm$yi, sei = ptm$sei, method = "REML", control = tight)
write_case("ord_sim31_two_stage_reml_merge56", "Simulated mRS tables, 6 trials, mRS 5-6 merged, two-stage REML",
           "mRS 5-6 merged; per trial clm(y ~ treatment, weights = count); rma(method = 'REML')", "ordinal", tab,
           opts_tab("two", "stratified", model = "random", tau2_method = "REML", merge = c(5, 6)),
           c(list(studies = studies_of(ptm)), pooled(res)))

# empty categories: a small trial without mRS 0 and one without mRS 6; clm drops unused levels of a
# single trial's response, which is strokemeta's empty_categories = drop
tabe <- sim_table(32, 5, 40, 160)
tabe[[3]]$counts[1] <- 0; tabe[[4]]$counts[1] <- 0
tabe[[7]]$counts[7] <- 0; tabe[[8]]$counts[7] <- 0
pte <- per_trial(tabe)
res <- rma(pte$yi, sei = pte$sei, method = "REML", control = tight)
write_case("ord_sim32_two_stage_empty_drop", "Simulated mRS tables, 5 trials, two with an empty category, two-stage REML",
           "per trial clm(droplevels(y) ~ treatment, weights = count) (unused levels dropped); rma(method = 'REML')",
           "ordinal", tabe, opts_tab("two", "stratified", model = "random", tau2_method = "REML", empty_categories = "drop"),
           c(list(studies = studies_of(pte)), pooled(res)))

# proportional-odds test on the table: stratified and common cut-points
for (th in c("stratified", "common")) {
  if (th == "stratified") {
    f0 <- clm(y ~ treatment, nominal = ~study, weights = count, data = lt7, control = ctl)
    f1 <- clm(y ~ 1, nominal = ~study + treatment, weights = count, data = lt7, control = ctl)
  } else {
    f0 <- clm(y ~ treatment, weights = count, data = lt7, control = ctl)
    f1 <- clm(y ~ 1, nominal = ~treatment, weights = count, data = lt7, control = ctl)
  }
  write_case(paste0("ord_sim31_po_test_", if (th == "stratified") "strat" else "common"), paste("Simulated mRS tables, 6 trials: likelihood-ratio test of proportional odds,", th, "cut-points"),
             sprintf("anova(clm(y ~ treatment%s, weights = count), clm(y ~ 1, nominal = ~%streatment, weights = count)); cut_log_or = coef j|j+1.treatment",
                     if (th == "stratified") ", nominal = ~study" else "", if (th == "stratified") "study + " else ""),
             "ordinal", tab, opts_tab("one", th, po_test = TRUE), c(one_stage(f0), list(po_test = po_test(f0, f1, 7))))
}

# clinical summaries per trial and over the added arms
ben <- list(); ut1 <- list(); ut2 <- list()
for (s in c(unique(sapply(tab, `[[`, "study")), "all")) {
  a <- arm_counts(tab, if (s == "all") NULL else s)
  ben[[s]] <- benefit(a$t, a$c)
  ut1[[s]] <- utility(a$t, a$c, weights_uw$chaisinanunkul2015)
  ut2[[s]] <- utility(a$t, a$c, weights_uw$dawn)
}
write_case("ord_sim31_nnt", "Simulated mRS tables, 6 trials: probability of a better outcome and NNT per trial and over added arms",
           "formula (Agresti 1980): P(better) - P(worse) over independent pairs, delta-method SE, Wald CI; NNT = 1/difference; checked against wilcox.test's W",
           "ordinal", tab, opts_tab("one", "stratified", nnt = TRUE), list(benefit = ben))
write_case("ord_sim31_utility", "Simulated mRS tables, 6 trials: utility-weighted mRS (Chaisinanunkul 2015) per trial and over added arms",
           "utility weights 1, 0.91, 0.76, 0.65, 0.33, 0, 0; mean per arm, SE = t.test(var.equal = FALSE)$stderr, Wald CI",
           "ordinal", tab, opts_tab("one", "stratified", utility = "chaisinanunkul2015"), list(utility = ut1))
write_case("ord_sim31_utility_dawn", "Simulated mRS tables, 6 trials: utility-weighted mRS on DAWN's 0-10 scale",
           "utility weights 10, 9.1, 7.6, 6.5, 3.3, 0, 0; mean per arm, SE = t.test(var.equal = FALSE)$stderr, Wald CI",
           "ordinal", tab, opts_tab("one", "stratified", utility = "dawn"), list(utility = ut2))

## ---- patient-level data --------------------------------------------------------------------

ipd <- sim_ipd(41, c(420, 260, 380, 300, 340))
ipd_f <- function(d) { d$y <- factor(d$outcome, levels = sort(unique(d$outcome)), ordered = TRUE); d$study <- factor(d$study); d }
di <- ipd_f(ipd)
cov3 <- c("age", "nihss", "sex")
opts_ipd <- function(study_effect, thresholds, ...) c(list(thresholds = thresholds, treatment_effect = "fixed", study_effect = study_effect,
                                                             covariates = cov3, direction = "lower_is_better"), list(...))
ipd_exp <- function(f) c(fx(f), list(coefficients = coefs(f, c("treatment", cov3)), loglik = as.numeric(logLik(f))))

f <- clm(y ~ treatment + age + nihss + sex, data = di, control = ctl)
write_case("ipd_sim41_ord_common", "Simulated IPD, 5 trials: proportional odds with common cut-points, adjusted for age, NIHSS, sex",
           "clm(y ~ treatment + age + nihss + sex)", "ipd_ordinal", ipd, opts_ipd("none", "common"),
           c(ipd_exp(f), list(cut_points = cuts_common(f))))
f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = di, control = ctl)
write_case("ipd_sim41_ord_strat", "Simulated IPD, 5 trials: proportional odds with cut-points stratified by trial, adjusted",
           "clm(y ~ treatment + age + nihss + sex, nominal = ~study)", "ipd_ordinal", ipd, opts_ipd("stratified", "stratified"),
           c(ipd_exp(f), list(cut_points = cuts_strat(f, levels(di$study)))))

p <- polr(y ~ treatment + age + nihss + sex, data = di, control = list(reltol = 1e-15, maxit = 5000))
f <- clm(y ~ treatment + age + nihss + sex, data = di, control = ctl)
stopifnot(max(abs(coef(p) - coef(f)[names(coef(p))])) < 1e-6)
write_case("ipd_sim41_ord_common_polr", "Simulated IPD, 5 trials: common cut-points, adjusted, against MASS::polr (estimates)",
           "polr(y ~ treatment + age + nihss + sex, control = list(reltol = 1e-15)); estimates and zeta (polr's SEs come from a finite-difference Hessian and are not compared)",
           "ipd_ordinal", ipd, opts_ipd("none", "common"),
           list(log_cor = -unname(coef(p)["treatment"]),
                coefficients = setNames(lapply(c("treatment", cov3), function(n) list(estimate = unname(coef(p)[n]))), c("treatment", cov3)),
                loglik = as.numeric(logLik(p)), cut_points = list(common = unname(p$zeta))),
           tol = list(relative = 1e-6, absolute = 1e-9))

# mRS 5-6 merged, stratified
dm <- ipd; dm$outcome <- pmin(dm$outcome, 5)
f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = ipd_f(dm), control = ctl)
write_case("ipd_sim41_ord_strat_merge56", "Simulated IPD, 5 trials, mRS 5-6 merged: stratified cut-points, adjusted",
           "outcome 6 recoded 5; clm(y ~ treatment + age + nihss + sex, nominal = ~study)", "ipd_ordinal", ipd,
           opts_ipd("stratified", "stratified", merge = c(5, 6)), ipd_exp(f))

# a trial with its control arm only: with stratified cut-points it informs its own cut-points and the covariates
ds <- rbind(ipd, transform(subset(sim_ipd(42, 150), treatment == 0), study = "Trial 06"))
f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = ipd_f(ds), control = ctl)
write_case("ipd_sim41_ord_strat_single_arm", "Simulated IPD, 6 trials, one with its control arm only: stratified cut-points, adjusted",
           "clm(y ~ treatment + age + nihss + sex, nominal = ~study) (the single-arm trial kept)", "ipd_ordinal", ds,
           opts_ipd("stratified", "stratified"), ipd_exp(f))

# proportional-odds test with covariates
f0 <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = di, control = ctl)
f1 <- clm(y ~ age + nihss + sex, nominal = ~study + treatment, data = di, control = ctl)
write_case("ipd_sim41_ord_po_test_strat", "Simulated IPD, 5 trials: likelihood-ratio test of proportional odds for treatment, stratified, adjusted",
           "anova(clm(y ~ treatment + age + nihss + sex, nominal = ~study), clm(y ~ age + nihss + sex, nominal = ~study + treatment))",
           "ipd_ordinal", ipd, opts_ipd("stratified", "stratified", po_test = TRUE), c(ipd_exp(f0), list(po_test = po_test(f0, f1, 7))))
f0 <- clm(y ~ treatment + age + nihss + sex, data = di, control = ctl)
f1 <- clm(y ~ age + nihss + sex, nominal = ~treatment, data = di, control = ctl)
write_case("ipd_sim41_ord_po_test_common", "Simulated IPD, 5 trials: likelihood-ratio test of proportional odds for treatment, common cut-points, adjusted",
           "anova(clm(y ~ treatment + age + nihss + sex), clm(y ~ age + nihss + sex, nominal = ~treatment))",
           "ipd_ordinal", ipd, opts_ipd("none", "common", po_test = TRUE), c(ipd_exp(f0), list(po_test = po_test(f0, f1, 7))))

# two-stage on patient-level data, adjusted within each trial
fits <- lapply(levels(di$study), function(s) clm(y ~ treatment + age + nihss + sex, data = droplevels(subset(di, study == s)), control = ctl))
pti <- list(names = levels(di$study), yi = sapply(fits, function(f) -coef(f)["treatment"]), sei = sapply(fits, function(f) sqrt(diag(vcov(f)))["treatment"]))
res <- rma(pti$yi, sei = pti$sei, method = "REML", control = tight)
f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = di, control = ctl)
write_case("ipd_sim41_ord_two_stage_reml", "Simulated IPD, 5 trials: two-stage, per-trial adjusted proportional odds, REML",
           "per trial clm(y ~ treatment + age + nihss + sex), log_cor = -coef; rma(log_cor, sei, method = 'REML')",
           "ipd_ordinal", ipd, opts_ipd("stratified", "stratified", stage = "two", model = "random", tau2_method = "REML", ci_method = "z"),
           c(list(studies = studies_of(pti)), pooled(res)))

# clinical summaries from the arms of all trials
tc <- table(factor(ipd$outcome[ipd$treatment == 1], levels = 0:6)); cc <- table(factor(ipd$outcome[ipd$treatment == 0], levels = 0:6))
write_case("ipd_sim41_nnt_utility", "Simulated IPD, 5 trials: probability of a better outcome, NNT and utility-weighted mRS over all patients",
           "formulas as in ord_sim31_nnt and ord_sim31_utility on the patients of both arms; model keys from clm(y ~ treatment + age + nihss + sex, nominal = ~study)",
           "ipd_ordinal", ipd, opts_ipd("stratified", "stratified", nnt = TRUE, utility = "chaisinanunkul2015"),
           c(ipd_exp(f), list(benefit = list(all = benefit(as.vector(tc), as.vector(cc))),
                              utility = list(all = utility(as.vector(tc), as.vector(cc), weights_uw$chaisinanunkul2015)))))
