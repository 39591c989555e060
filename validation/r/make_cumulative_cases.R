# Reference cases of analysis `cumulative` ordered by a column (options `order`, `decreasing`, `collapse`):
# metafor's cumul(res, order=, decreasing=, collapse=). Without collapse and without blank values in the order
# column this is metafor 3.8.1's own cumul(). collapse = TRUE (all the studies that share a value of the order
# column added in one step, the step named by that value) and the dropping of studies without a value
# (order(..., na.last = NA)) came with metafor 4.0; those cases follow the code of metafor 4.8's cumul.rma.uni
# (shown below, `cumul4`) with metafor 3.8.1's rma() fits. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_cumulative_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, tol = 1e-14, maxiter = 10000, stepadj = 0.5)  # step halving: the small early steps of REML oscillate otherwise
cc <- list(add = 0.5, to = "only0", drop00 = FALSE)

# metafor 4.8's cumul.rma.uni, its steps: sort by the order variable (stable; NAs dropped), then each step
# fits the studies whose value is among the first i unique values (collapse) or the first i studies
cumul4 <- function(res, orvar, collapse, decreasing = FALSE) {
  o <- base::order(orvar, decreasing = decreasing, na.last = NA)
  yi <- res$yi.f[o]; vi <- res$vi.f[o]; slab <- res$slab[o]; orvar <- orvar[o]
  uorvar <- if (collapse) unique(orvar) else orvar
  fits <- lapply(seq_along(uorvar), function(i) {
    incl <- if (collapse) is.element(orvar, uorvar[1:i]) else 1:i
    rma(yi, vi, method = res$method, test = res$test, level = res$level, control = res$control, subset = incl)
  })
  list(study = if (collapse) as.character(uorvar) else slab,
       k = sapply(fits, function(f) f$k), estimate = sapply(fits, function(f) f$beta[1]), se = sapply(fits, function(f) f$se),
       ci_lower = sapply(fits, function(f) f$ci.lb), ci_upper = sapply(fits, function(f) f$ci.ub), tau2 = sapply(fits, function(f) f$tau2),
       i2 = sapply(fits, function(f) f$I2), q = sapply(fits, function(f) f$QE))
}

b <- dat.bcg
bd <- data.frame(study = paste(b$author, b$year), events_treat = b$tpos, total_treat = b$tpos + b$tneg, events_ctrl = b$cpos,
                 total_ctrl = b$cpos + b$cneg, year = b$year, decade = 10 * floor(b$year / 10), alloc = b$alloc)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi, year = hk$year)
hd$year[c(5, 20)] <- NA

case <- function(id, title, d, measure, method, order, collapse, decreasing = FALSE, level = 0.95, test = "z") {
  es <- if (measure == "GEN") escalc("GEN", yi = yi, vi = vi, data = d)
        else escalc(measure, ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
  res <- rma(yi, vi, data = es, method = method, level = 100 * level, test = test, control = tight, slab = d$study)
  orvar <- d[[order]]
  if (!collapse && !anyNA(orvar)) {
    cu <- cumul(res, order = orvar, decreasing = decreasing)
    exp <- list(study = cu$slab, estimate = as.numeric(cu$estimate), se = cu$se, ci_lower = cu$ci.lb, ci_upper = cu$ci.ub,
                tau2 = if (method == "FE") rep(0, length(cu$estimate)) else cu$tau2, i2 = cu$I2, q = cu$Q)
    call <- sprintf("cumul(rma(measure='%s', method='%s'), order=%s, decreasing=%s)", measure, method, order, decreasing)
    chk <- cumul4(res, orvar, FALSE, decreasing)
    stopifnot(isTRUE(all.equal(chk$estimate, as.numeric(exp$estimate), tolerance = 1e-12)), identical(as.character(chk$study), as.character(exp$study)))
  } else {
    exp <- cumul4(res, orvar, collapse, decreasing)
    call <- sprintf("metafor 4.8's cumul(rma(measure='%s', method='%s', level=%g, test='%s'), order=%s, decreasing=%s, collapse=%s) with 3.8.1's rma()",
                    measure, method, 100 * level, test, order, decreasing, collapse)
  }
  opts <- list(measure = measure, model = if (method == "FE") "fixed" else "random", ci_method = test, level = level, order = order,
               decreasing = decreasing, collapse = collapse)
  if (method != "FE") opts$tau2_method <- method
  if (measure != "GEN") opts$continuity <- cc
  write_case_file(id, title, call, "cumulative", d, opts, exp)
}
case("cum_bcg_rr_year_collapse", "BCG trials, log RR, REML, cumulative by year, trials of one year added together", bd, "RR", "REML", "year", TRUE)
case("cum_bcg_rr_decade_collapse_dl", "BCG trials, log RR, DL, cumulative by decade, one step per decade", bd, "RR", "DL", "decade", TRUE)
case("cum_bcg_or_alloc_collapse_fixed", "BCG trials, log OR, fixed effect, cumulative by allocation (text), one step per kind", bd, "OR", "FE", "alloc", TRUE)
case("cum_bcg_rr_year_decreasing", "BCG trials, log RR, REML, cumulative from the latest year, one trial at a time", bd, "RR", "REML", "year", FALSE, TRUE)
case("cum_bcg_rr_decade", "BCG trials, log RR, REML, cumulative by decade, one trial at a time (ties in data order)", bd, "RR", "REML", "decade", FALSE)
case("cum_hackshaw_gen_year_collapse_knha", "Passive smoking, log OR given, REML, Hartung-Knapp, 90% level, cumulative by year collapsed, two studies without a year left out",
     hd, "GEN", "REML", "year", TRUE, level = 0.90, test = "knha")
case("cum_hackshaw_gen_year_decreasing_collapse_pm", "Passive smoking, log OR given, PM, cumulative from the latest year collapsed, two studies without a year left out",
     hd, "GEN", "PM", "year", TRUE, decreasing = TRUE)
