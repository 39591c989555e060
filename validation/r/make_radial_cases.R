# Reference cases of analysis `radial`: the coordinates of metafor 3.8.1's radial (Galbraith) plot,
# radial(res, center=): x = 1/sqrt(vi + tau2), y = (yi - centre)/sqrt(vi + tau2), with the pooled estimate
# (the slope of the line through the origin), its confidence interval as the plot marks it on its arc
# (centred when center = TRUE), tau2 and the half-width of the band, qnorm(1 - (1 - level)/2).
# See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_radial_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, tol = 1e-14)
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
b <- dat.bcg
bd <- bin(paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
cc <- list(add = 0.5, to = "only0", drop00 = FALSE)
pdf(NULL)

case <- function(id, title, d, measure, method, center = FALSE, level = 0.95, test = "z") {
  es <- if (measure == "GEN") escalc("GEN", yi = yi, vi = vi, data = d)
        else if (measure == "MD") escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = d)
        else escalc(measure, ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
  res <- rma(yi, vi, data = es, method = method, level = 100 * level, test = test, control = tight)
  r <- radial(res, center = center)
  centre <- if (center) res$beta[1] else 0
  opts <- list(measure = measure, model = if (method == "FE") "fixed" else "random", ci_method = test, level = level, center = center)
  if (method != "FE") opts$tau2_method <- method
  if (measure != "GEN" && measure != "MD") opts$continuity <- cc
  write_case_file(id, title, sprintf("radial(rma(measure='%s', method='%s', level=%g, test='%s'), center=%s)$x, $y", measure, method,
                                     100 * level, test, center), "radial", d, opts,
                  list(estimate = res$beta[1], ci_lower = res$ci.lb - centre, ci_upper = res$ci.ub - centre, tau2 = res$tau2,
                       zcrit = qnorm((1 - level) / 2, lower.tail = FALSE), x = r$x, y = r$y))
}
case("radial_bcg_rr_reml", "BCG trials, log RR, REML: radial plot coordinates", bd, "RR", "REML")
case("radial_bcg_rr_fixed", "BCG trials, log RR, fixed effect: radial plot coordinates", bd, "RR", "FE")
case("radial_bcg_or_dl_center", "BCG trials, log OR, DL, centred at the estimate: radial plot coordinates", bd, "OR", "DL", center = TRUE)
case("radial_hackshaw_gen_reml_level90", "Passive smoking, log OR given, REML, 90% level: radial plot coordinates", hd, "GEN", "REML", level = 0.90)
case("radial_normand_md_fixed_center", "Stroke-unit length of stay, MD, fixed effect, centred: radial plot coordinates", nd, "MD", "FE", center = TRUE)
case("radial_normand_md_pm_knha", "Stroke-unit length of stay, MD, PM, Hartung-Knapp interval: radial plot coordinates", nd, "MD", "PM", test = "knha")
