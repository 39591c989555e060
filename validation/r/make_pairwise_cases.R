# Reference cases for situations the shared corpus does not show: k = 1 and k = 2, tau² on the
# zero boundary, extreme heterogeneity, zero cells and double-zero studies under every continuity
# option, Mantel-Haenszel and Peto with zero cells, every tau² estimator on a second data set,
# Hartung-Knapp with other estimators, and another confidence level.
# Usage: Rscript validation/r/make_pairwise_cases.R [outdir]   (default: validation/extra)
suppressMessages(library(metafor))
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
ref <- sprintf("R %s, metafor %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("metafor"))
tight <- list(threshold = 1e-12, tol = 1e-14)

write_case <- function(id, title, call, analysis, data, options, expected, tol = list(relative = 1e-6, absolute = 1e-9)) {
  case <- list(id = id, title = title, reference = paste0(ref, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected, tolerance = tol)
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "\n")
}

pooled <- function(res, random = TRUE, knha = FALSE, qp = FALSE) {
  e <- list(estimate = res$beta[1], se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, p = res$pval,
            q = res$QE, q_df = if (!is.null(res$k.yi)) res$k.yi - 1 else res$k - res$p, q_p = res$QEp, i2 = res$I2, h2 = res$H2, tau2 = res$tau2, tau = sqrt(res$tau2))
  if (knha) { e$t <- res$zval; e$df <- res$ddf } else e$z <- res$zval
  if (random) { pr <- predict(res); e$pi_lower <- pr$pi.lb; e$pi_upper <- pr$pi.ub }
  # tau2.max raised so that the bounds are the roots, not metafor's default search limit max(100, 10 tau²)
  if (qp) { ci <- confint(res, control = list(tol = 1e-12, tau2.max = 1e6))$random
            e$tau2_ci_lower <- ci[1, 2]; e$tau2_ci_upper <- ci[1, 3]; e$i2_ci_lower <- ci[3, 2]; e$i2_ci_upper <- ci[3, 3] }
  e
}

bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
opts <- function(measure, model, tau2 = NULL, ci = "z", fixed = NULL, add = 0.5, to = "only0", drop00 = FALSE, level = 0.95) {
  o <- list(measure = measure, model = model, ci_method = ci, level = level, continuity = list(add = add, to = to, drop00 = drop00))
  if (!is.null(tau2)) o$tau2_method <- tau2
  if (!is.null(fixed)) o$fixed_method <- fixed
  o
}

bcg <- dat.bcg
bcgd <- bin(paste(bcg$author, bcg$year), bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)

## k = 1 and k = 2
for (k in 1:2) {
  d <- bcgd[seq_len(k), ]
  es <- escalc("OR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
  res <- rma(yi, vi, data = es, method = "REML", control = tight)
  write_case(sprintf("pw_bcg_or_reml_k%d", k), sprintf("BCG, first %d trial(s), log OR, REML", k),
             "escalc('OR'); rma(method='REML')", "pairwise", d, opts("OR", "random", "REML"), pooled(res))
}

## tau² on the zero boundary: homogeneous studies (REML, ML, DL, PM all give 0)
hom <- bin(paste("Trial", 1:6), c(20, 31, 15, 44, 25, 30), c(100, 150, 80, 200, 120, 140), c(30, 45, 22, 60, 36, 41), c(100, 150, 80, 200, 120, 140))
for (m in c("REML", "ML", "DL", "PM", "EB", "SJ")) {
  es <- escalc("OR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = hom)
  res <- rma(yi, vi, data = es, method = m, control = tight)
  write_case(paste0("pw_homogeneous_or_", tolower(m)), paste("Six homogeneous trials, log OR,", m, "(tau² at or near 0)"),
             sprintf("escalc('OR'); rma(method='%s', control=list(threshold=1e-12, tol=1e-14))", m), "pairwise", hom,
             opts("OR", "random", m), pooled(res, qp = TRUE))
}

## extreme heterogeneity
ext <- data.frame(study = paste("S", 1:8), yi = c(-3, 2.5, -1.2, 4.1, 0.3, -2.2, 3.3, -4), vi = c(0.01, 0.02, 0.015, 0.05, 0.01, 0.03, 0.02, 0.04))
for (m in c("REML", "DL", "PM", "HS")) {
  res <- rma(yi, vi, data = ext, method = m, control = tight)
  write_case(paste0("pw_extreme_gen_", tolower(m)), paste("Extreme heterogeneity (I² near 100%),", m),
             sprintf("rma(yi, vi, method='%s')", m), "pairwise", ext, list(measure = "GEN", model = "random", tau2_method = m, ci_method = "z", level = 0.95),
             pooled(res, qp = TRUE))
}

## zero cells and double-zero studies under every continuity option
zc <- bin(paste("Trial", 1:6), c(0, 3, 0, 5, 12, 1), c(40, 52, 35, 60, 110, 25), c(4, 0, 0, 9, 20, 3), c(38, 50, 36, 61, 105, 27))
for (to in c("only0", "all", "if0all", "none")) for (m in c("OR", "RR", "RD", "PETO")) {
  if (to == "none" && m %in% c("OR", "RR", "PETO")) next   # undefined effects: covered by unit tests
  es <- escalc(m, ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = zc, add = 0.5, to = to)
  write_case(sprintf("es_zero_cells_%s_%s", tolower(m), to), sprintf("Zero cells and a double-zero study, %s, add 1/2 to %s", m, to),
             sprintf("escalc(measure='%s', add=0.5, to='%s')", m, to), "effect_sizes", zc, list(measure = m, continuity = list(add = 0.5, to = to, drop00 = FALSE)),
             list(yi = as.numeric(es$yi), vi = as.numeric(es$vi)))
}
es <- escalc("OR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = zc, drop00 = TRUE)
keep <- !is.na(es$yi)
res <- rma(yi, vi, data = es, method = "DL", control = tight)
write_case("pw_zero_cells_or_dl_drop00", "Zero cells, double-zero study left out (drop00), log OR, DL",
           "escalc('OR', drop00=TRUE); rma(method='DL')", "pairwise", zc, opts("OR", "random", "DL", drop00 = TRUE), pooled(res))
for (m in c("OR", "RR", "RD")) {
  res <- rma.mh(ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = zc, measure = m)
  write_case(paste0("pw_zero_cells_mh_", tolower(m)), paste("Zero cells, Mantel-Haenszel", m), sprintf("rma.mh(measure='%s')", m),
             "pairwise", zc, opts(m, "fixed", fixed = "MH"), pooled(res, random = FALSE))
}
res <- rma.peto(ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = zc)
write_case("pw_zero_cells_peto", "Zero cells, Peto", "rma.peto()", "pairwise", zc, opts("PETO", "fixed", fixed = "PETO"), pooled(res, random = FALSE))

## every tau² estimator, Hartung-Knapp, on the stroke-unit length-of-stay trials (MD)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
es <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
for (m in c("DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB")) for (t in c("z", "knha")) {
  res <- rma(yi, vi, data = es, method = m, test = t, control = tight)
  write_case(sprintf("pw_normand_md_%s_%s", tolower(m), t), sprintf("Stroke-unit length of stay, MD, %s, %s", m, t),
             sprintf("escalc('MD'); rma(method='%s', test='%s'); confint()", m, t), "pairwise", nd,
             list(measure = "MD", model = "random", tau2_method = m, ci_method = t, level = 0.95), pooled(res, knha = t == "knha", qp = TRUE))
}
res <- rma(yi, vi, data = es, method = "FE", level = 90)
write_case("pw_normand_md_fixed_level90", "Stroke-unit length of stay, MD, fixed effect, 90% CI", "rma(method='FE', level=90)", "pairwise", nd,
           list(measure = "MD", model = "fixed", fixed_method = "IV", ci_method = "z", level = 0.90), pooled(res, random = FALSE))
res <- rma(yi, vi, data = es, method = "REML", level = 99, control = tight)
write_case("pw_normand_md_reml_level99", "Stroke-unit length of stay, MD, REML, 99% CI", "rma(method='REML', level=99)", "pairwise", nd,
           list(measure = "MD", model = "random", tau2_method = "REML", ci_method = "z", level = 0.99), pooled(res, qp = FALSE))

## the Fisher-scoring oscillation metafor cannot resolve: the REML solution from the score equation
osc <- bin(1:10, c(85, 82, 15, 131, 67, 131, 58, 79, 49, 48), c(194, 495, 94, 241, 97, 475, 158, 198, 142, 119),
           c(78, 80, 18, 113, 56, 173, 56, 67, 48, 47), c(198, 569, 112, 233, 95, 566, 166, 193, 137, 115))
osc$study <- paste("Trial", osc$study)
es <- escalc("OR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = osc)
res <- rma(yi, vi, data = es, method = "REML", control = list(threshold = 1e-12, maxiter = 5000, stepadj = 0.5))
write_case("pw_oscillating_or_reml", "Ten trials where plain Fisher scoring oscillates; REML by step-halved scoring",
           "escalc('OR'); rma(method='REML', control=list(stepadj=0.5, maxiter=5000, threshold=1e-12))", "pairwise", osc,
           opts("OR", "random", "REML"), pooled(res))
