# Reference cases of analysis `gosh`: metafor 3.8.1's gosh(res) on small data sets (k = 6 to 8), every
# subset of the studies: its size k, estimate, Q, I2, H2 and tau2 (gosh's res) and its studies (gosh's incl,
# one row of booleans per subset in data order), in gosh's order (by size, then R's expand.grid order).
# REML subsets whose tau2 lies next to 0 converge slowly, so every fit iterates to a change below 1e-14
# (control threshold, given to strokemeta as the case option `threshold`). See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_gosh_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-14, tol = 1e-14, maxiter = 10000, stepadj = 0.5, tau2.max = 1e6)  # PM: tau2 of the stroke-unit data is above the default search limit of 100
cc <- list(add = 0.5, to = "only0", drop00 = FALSE)
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
b <- dat.bcg
bd <- bin(paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
h <- dat.hine1989
hn <- bin(h$study, h$ai, h$n1i, h$ci, h$n2i)

case <- function(id, title, d, measure, method, fixed_method = NULL) {
  es <- if (measure == "GEN") escalc("GEN", yi = yi, vi = vi, data = d)
        else if (measure == "MD") escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = d)
        else escalc(measure, ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
  res <- if (!is.null(fixed_method) && fixed_method == "MH")
           rma.mh(measure = measure, ai = d$events_treat, n1i = d$total_treat, ci = d$events_ctrl, n2i = d$total_ctrl)
         else rma(yi, vi, data = es, method = method, control = tight)
  g <- gosh(res, progbar = FALSE)
  stopifnot(all(g$fit))
  opts <- list(measure = measure, model = if (method == "FE") "fixed" else "random", ci_method = "z", threshold = tight$threshold)
  if (method != "FE") opts$tau2_method <- method
  if (!is.null(fixed_method)) opts$fixed_method <- fixed_method
  if (!measure %in% c("GEN", "MD")) opts$continuity <- cc
  call <- if (!is.null(fixed_method)) sprintf("gosh(rma.mh(measure='%s'))", measure) else sprintf("gosh(rma(measure='%s', method='%s'))", measure, method)
  write_case_file(id, title, paste0(call, "$res, $incl"), "gosh", d, opts,
                  list(subsets = nrow(g$res), k = g$res$k, estimate = g$res$estimate, q = g$res$QE, i2 = g$res$I2, h2 = g$res$H2,
                       tau2 = g$res$tau2, incl = unname(g$incl)), matrix = "rowmajor")
}
case("gosh_bcg6_rr_fixed", "BCG trials 1-6, log RR, fixed effect: every subset (GOSH)", bd[1:6, ], "RR", "FE")
case("gosh_bcg7_rr_dl", "BCG trials 1-7, log RR, DerSimonian-Laird: every subset (GOSH)", bd[1:7, ], "RR", "DL")
case("gosh_bcg8_rr_reml", "BCG trials 1-8, log RR, REML: every subset (GOSH)", bd[1:8, ], "RR", "REML")
case("gosh_hackshaw8_gen_reml", "Passive smoking, first 8 studies, log OR given, REML: every subset (GOSH)", hd[1:8, ], "GEN", "REML")
case("gosh_normand7_md_pm", "Stroke-unit length of stay, first 7 trials, MD, Paule-Mandel: every subset (GOSH)", nd[1:7, ], "MD", "PM")
case("gosh_hine_rd_mh", "Lidocaine trials, risk difference, Mantel-Haenszel: every subset (GOSH)", hn, "RD", "FE", fixed_method = "MH")
