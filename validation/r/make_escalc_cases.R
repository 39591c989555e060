# Reference cases of analysis `escalc`: the effect sizes of metafor 3.8.1's escalc beyond the two-arm
# binary and continuous ones (single-arm proportions and incidence rates, two-arm rates, the arcsine risk
# difference, the heteroscedastic SMD, standardised mean changes, correlations), each with its per-study
# yi and vi, the rma fit, and the pooled estimate and intervals back-transformed by the measure's transf
# (predict(res, transf = ...)); with zero counts where a continuity correction applies. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_escalc_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, maxiter = 1000)

# the inverse of each measure's transformation, for one study (with its own sample size or person-time)
# and for a pooled value (with the harmonic mean of the studies' sizes, as transf.ipft.hm)
hm <- function(x) 1 / mean(1 / x)
study_transf <- function(m, yi, size) switch(m,
  PLN = , IRLN = , IRR = exp(yi), PLO = transf.ilogit(yi), PAS = transf.iarcsin(yi), PFT = transf.ipft(yi, size),
  IRS = transf.isqrt(yi), IRFT = transf.iirft(yi, size), ZCOR = transf.ztor(yi), yi)
pooled_transf <- function(m, res, size) switch(m,
  PLN = , IRLN = , IRR = predict(res, transf = exp), PLO = predict(res, transf = transf.ilogit),
  PAS = predict(res, transf = transf.iarcsin), PFT = predict(res, transf = transf.ipft.hm, targs = list(ni = size)),
  IRS = predict(res, transf = transf.isqrt), IRFT = predict(res, transf = function(x) transf.iirft(x, hm(size))),
  ZCOR = predict(res, transf = transf.ztor), predict(res))
transf_call <- function(m) switch(m,
  PLN = , IRLN = , IRR = "transf=exp", PLO = "transf=transf.ilogit", PAS = "transf=transf.iarcsin",
  PFT = "transf=transf.ipft.hm, targs=list(ni=ni)", IRS = "transf=transf.isqrt",
  IRFT = "transf=function(x) transf.iirft(x, 1/mean(1/ti))", ZCOR = "transf=transf.ztor", "no transf")

# es: the escalc result (NA where escalc gives no effect or no variance); size: the sample sizes (PFT) or person-times (IRFT)
write_escalc <- function(id, title, call, data, options, m, es, size = NULL, method = "REML") {
  es$yi[is.na(es$vi)] <- NA   # a study with an effect but no sampling variance (a correlation of three patients) gives none
  res <- suppressWarnings(rma(yi, vi, data = es, method = method, control = tight))
  used <- !is.na(es$yi) & !is.na(es$vi)
  pr <- pooled_transf(m, res, size[used])
  e <- list(yi = as.numeric(es$yi), vi = as.numeric(es$vi), yi_transf = study_transf(m, as.numeric(es$yi), size),
            estimate = res$beta[1], se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, z = res$zval, p = res$pval,
            q = res$QE, q_df = res$k - res$p, q_p = res$QEp, i2 = res$I2, h2 = res$H2, tau2 = res$tau2, tau = sqrt(res$tau2), k = res$k,
            transf_estimate = pr$pred, transf_ci_lower = pr$ci.lb, transf_ci_upper = pr$ci.ub)
  if (method != "FE") {
    p0 <- predict(res)
    e$pi_lower <- p0$pi.lb; e$pi_upper <- p0$pi.ub
    e$transf_pi_lower <- pr$pi.lb; e$transf_pi_upper <- pr$pi.ub
  }
  write_case_file(id, title, sprintf("%s; rma(yi, vi, method='%s', control=list(threshold=1e-12, maxiter=1000)); predict(res, %s)",
                                     call, method, transf_call(m)), "escalc", data, options, e, na = "null")
}
opts <- function(m, method = "REML", add = NULL, to = "only0", drop00 = FALSE) {
  o <- list(measure = m, model = if (method == "FE") "fixed" else "random", ci_method = "z", level = 0.95)
  if (method != "FE") o$tau2_method <- method
  if (!is.null(add)) o$continuity <- list(add = add, to = to, drop00 = drop00)
  o
}
addcall <- function(add, to = "only0") if (is.null(add)) "" else sprintf(", add=%s, to='%s'", add, to)

## single-arm proportions: xi of ni (Pritz 1997: two studies with only events; a constructed set with none)
p <- dat.pritz1997
pd <- data.frame(study = p$authors, xi = p$xi, ni = p$ni)
z0 <- data.frame(study = paste("Cohort", 1:6), xi = c(0, 3, 12, 7, 20, 1), ni = c(25, 40, 60, 33, 20, 48))
for (x in list(list("pritz", pd, "Pritz 1997 (two studies with only events)"), list("zero", z0, "Six cohorts, one without and one with only events"))) {
  d <- x[[2]]
  for (m in c("PR", "PLN", "PLO", "PAS", "PFT")) {
    add <- if (m %in% c("PAS", "PFT")) NULL else 0.5   # PAS and PFT: escalc's default of no correction
    es <- if (is.null(add)) escalc(m, xi = xi, ni = ni, data = d) else escalc(m, xi = xi, ni = ni, data = d, add = add, to = "only0")
    write_escalc(sprintf("escalc_%s_%s", tolower(m), x[[1]]), sprintf("%s: %s", x[[3]], m),
                 sprintf("escalc('%s', xi, ni%s)", m, addcall(add)), d, opts(m, add = add), m, es, d$ni)
  }
}
# the other continuity options on the zero set; DL and a fixed-effect model
for (to in c("all", "if0all")) {
  es <- escalc("PLO", xi = xi, ni = ni, data = z0, add = 0.5, to = to)
  write_escalc(sprintf("escalc_plo_zero_%s", to), sprintf("Six cohorts with zero counts: PLO, add 1/2 to %s", to),
               sprintf("escalc('PLO', xi, ni, add=0.5, to='%s')", to), z0, opts("PLO", add = 0.5, to = to), "PLO", es, z0$ni)
}
es <- escalc("PFT", xi = xi, ni = ni, data = z0, add = 0.5, to = "all")
write_escalc("escalc_pft_zero_add_all", "Six cohorts with zero counts: PFT with a correction asked for (add 1/2 to all)",
             "escalc('PFT', xi, ni, add=0.5, to='all')", z0, opts("PFT", add = 0.5, to = "all"), "PFT", es, z0$ni)
es <- escalc("PLO", xi = xi, ni = ni, data = pd)
write_escalc("escalc_plo_pritz_dl", "Pritz 1997: PLO, DerSimonian-Laird", "escalc('PLO', xi, ni)", pd, opts("PLO", "DL"), "PLO", es, pd$ni, "DL")
es <- escalc("PFT", xi = xi, ni = ni, data = pd)
write_escalc("escalc_pft_pritz_fe", "Pritz 1997: PFT, fixed effect", "escalc('PFT', xi, ni)", pd, opts("PFT", "FE"), "PFT", es, pd$ni, "FE")

## single-arm incidence rates: xi events in ti (the treated arms of Nielweise 2008; a constructed set with zeros).
## Person-times in thousands of catheter-days: rates near 1, so that tau² is not near the convergence threshold
n <- dat.nielweise2008
rd <- data.frame(study = paste(n$authors, n$year), xi = n$x1i, ti = n$t1i / 1000)
r0 <- data.frame(study = paste("Registry", 1:6), xi = c(0, 4, 11, 2, 0, 19), ti = c(0.52, 1.1, 2.3, 0.8, 0.35, 1.5))
for (x in list(list("nielweise", rd, "Nielweise 2008, treated arms (1000 catheter-days)"), list("zero", r0, "Six registries, two without events"))) {
  d <- x[[2]]
  for (m in c("IR", "IRLN", "IRS", "IRFT")) {
    add <- if (m %in% c("IRS", "IRFT")) NULL else 0.5
    es <- if (is.null(add)) escalc(m, xi = xi, ti = ti, data = d) else escalc(m, xi = xi, ti = ti, data = d, add = add, to = "only0")
    write_escalc(sprintf("escalc_%s_%s", tolower(m), x[[1]]), sprintf("%s: %s", x[[3]], m),
                 sprintf("escalc('%s', xi, ti%s)", m, addcall(add)), d, opts(m, add = add), m, es, d$ti)
  }
}

## two-arm rates: x1i in t1i against x2i in t2i (Nielweise 2008; with an arm without events and a double-zero study)
td <- data.frame(study = paste(n$authors, n$year), x1i = n$x1i, t1i = n$t1i / 1000, x2i = n$x2i, t2i = n$t2i / 1000)
t0 <- rbind(td, data.frame(study = c("Extra A", "Extra B"), x1i = c(0, 0), t1i = c(0.41, 0.655), x2i = c(3, 0), t2i = c(0.398, 0.702)))
for (m in c("IRR", "IRD")) {
  es <- escalc(m, x1i = x1i, t1i = t1i, x2i = x2i, t2i = t2i, data = td)
  write_escalc(sprintf("escalc_%s_nielweise", tolower(m)), sprintf("Nielweise 2008 (1000 catheter-days): %s", m), sprintf("escalc('%s', x1i, t1i, x2i, t2i)", m),
               td, opts(m, add = 0.5), m, es)
  es <- escalc(m, x1i = x1i, t1i = t1i, x2i = x2i, t2i = t2i, data = t0, add = 0.5, to = "only0")
  write_escalc(sprintf("escalc_%s_zero", tolower(m)), sprintf("Nielweise 2008 and two trials with zero events (one double-zero): %s", m),
               sprintf("escalc('%s', x1i, t1i, x2i, t2i, add=0.5, to='only0')", m), t0, opts(m, add = 0.5), m, es)
}
es <- escalc("IRR", x1i = x1i, t1i = t1i, x2i = x2i, t2i = t2i, data = t0, drop00 = TRUE)
write_escalc("escalc_irr_zero_drop00", "Nielweise 2008 and two trials with zero events: IRR, double-zero study left out",
             "escalc('IRR', x1i, t1i, x2i, t2i, drop00=TRUE)", t0, opts("IRR", add = 0.5, drop00 = TRUE), "IRR", es)

## arcsine risk difference (no correction by default): BCG trials, and zero cells with a double-zero study
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
b <- dat.bcg
bd <- bin(paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)
zc <- bin(paste("Trial", 1:6), c(0, 3, 0, 5, 12, 1), c(40, 52, 35, 60, 110, 25), c(4, 0, 0, 9, 20, 3), c(38, 50, 36, 61, 105, 27))
for (x in list(list("bcg", bd, "BCG trials"), list("zero_cells", zc, "Zero cells and a double-zero study"))) {
  d <- x[[2]]
  es <- escalc("AS", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
  write_escalc(sprintf("escalc_as_%s", x[[1]]), sprintf("%s: AS", x[[3]]), "escalc('AS', ai, n1i, ci, n2i)", d, opts("AS"), "AS", es)
}
es <- escalc("AS", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = zc, add = 0.5, to = "only0")
write_escalc("escalc_as_zero_cells_add", "Zero cells and a double-zero study: AS with a correction asked for (add 1/2 to only0)",
             "escalc('AS', ai, n1i, ci, n2i, add=0.5, to='only0')", zc, opts("AS", add = 0.5), "AS", es)

## heteroscedastic standardised mean difference (Bonett): Normand 1999
nm <- dat.normand1999
nd <- data.frame(study = nm$source, mean_treat = nm$m1i, sd_treat = nm$sd1i, n_treat = nm$n1i, mean_ctrl = nm$m2i, sd_ctrl = nm$sd2i, n_ctrl = nm$n2i)
es <- escalc("SMDH", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
write_escalc("escalc_smdh_normand", "Normand 1999 (length of stay): SMDH", "escalc('SMDH', m1i, sd1i, n1i, m2i, sd2i, n2i)", nd, opts("SMDH"), "SMDH", es)
es <- escalc("SMDH", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
write_escalc("escalc_smdh_normand_dl", "Normand 1999 (length of stay): SMDH, DerSimonian-Laird", "escalc('SMDH', m1i, sd1i, n1i, m2i, sd2i, n2i)",
             nd, opts("SMDH", "DL"), "SMDH", es, method = "DL")

## standardised mean changes: the pre-post data of Morris (2008) in metafor's escalc documentation (m1i the
## post-test means, m2i the pre-test means, sd1i the pre-test SDs by which SMCR standardises), and a study of two
pp <- data.frame(study = paste("Study", 1:5), m1i = c(38.5, 26.8, 0.7, 75.9, 36.0), m2i = c(30.6, 23.5, 0.5, 53.4, 35.6),
                 sd1i = c(15.0, 3.1, 0.1, 14.5, 4.7), sd2i = c(11.6, 4.1, 0.1, 4.4, 4.6), ni = c(20, 50, 9, 10, 14),
                 ri = c(0.47, 0.64, 0.77, 0.89, 0.44))
pp2 <- rbind(pp, data.frame(study = "Study 6", m1i = 12.1, m2i = 10.4, sd1i = 2.2, sd2i = 2.5, ni = 2, ri = 0.3))
for (m in c("SMCC", "SMCR")) {
  es <- escalc(m, m1i = m1i, m2i = m2i, sd1i = sd1i, sd2i = sd2i, ni = ni, ri = ri, data = pp)
  write_escalc(sprintf("escalc_%s_morris", tolower(m)), sprintf("Morris 2008 pre-post data: %s", m),
               sprintf("escalc('%s', m1i, m2i, sd1i, sd2i, ni, ri)", m), pp, opts(m), m, es)
  es <- escalc(m, m1i = m1i, m2i = m2i, sd1i = sd1i, sd2i = sd2i, ni = ni, ri = ri, data = pp2)
  write_escalc(sprintf("escalc_%s_morris_n2", tolower(m)), sprintf("Morris 2008 pre-post data and a study of two patients (no effect): %s", m),
               sprintf("escalc('%s', m1i, m2i, sd1i, sd2i, ni, ri)", m), pp2, opts(m), m, es)
}
# SMCR needs no sd2i: the same data without it
pr1 <- pp[, c("study", "m1i", "m2i", "sd1i", "ni", "ri")]
es <- escalc("SMCR", m1i = m1i, m2i = m2i, sd1i = sd1i, ni = ni, ri = ri, data = pr1)
write_escalc("escalc_smcr_morris_no_sd2", "Morris 2008 pre-post data without the post-test SDs: SMCR", "escalc('SMCR', m1i, m2i, sd1i, ni, ri)",
             pr1, opts("SMCR"), "SMCR", es)

## correlations: Molloy 2014, and a set with a study of three patients (no sampling variance)
mo <- dat.molloy2014
md <- data.frame(study = paste(mo$authors, mo$year), ri = mo$ri, ni = mo$ni)
c3 <- data.frame(study = paste("Sample", 1:6), ri = c(0.31, -0.12, 0.45, 0.8, 0.05, 0.22), ni = c(40, 85, 3, 22, 150, 60))
for (x in list(list("molloy", md, "Molloy 2014"), list("n3", c3, "Six samples, one of three patients"))) for (m in c("COR", "ZCOR")) {
  d <- x[[2]]
  es <- suppressWarnings(escalc(m, ri = ri, ni = ni, data = d))
  write_escalc(sprintf("escalc_%s_%s", tolower(m), x[[1]]), sprintf("%s: %s", x[[3]], m), sprintf("escalc('%s', ri, ni)", m), d, opts(m), m, es)
}
