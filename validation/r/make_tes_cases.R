# Reference cases of analysis `tes`: the test of excess significance (Ioannidis and Trikalinos 2007),
# metafor 3.8.1's tes(), on models without moderators. Each study's power under a between-study variance is
# metafor's integral over [theta - 5 tau, theta + 5 tau], here with rel.tol = 1e-12 (tes(..., rel.tol=));
# theta_lim, which tes() finds with uniroot() at its default tolerance (about 1e-4), is found here with the
# same equation and uniroot(tol = 1e-13), and checked against tes()'s own to 1e-3.
# Usage: Rscript validation/r/make_tes_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

tes_case <- function(id, title, data, es, measure, model = "REML", tes_alt = "greater", test = NULL, alpha = 0.05, tes_alpha = 0.10, alt = "two.sided") {
  res <- if (model == "FE") rma(yi, vi, data = es, method = "FE") else rma(yi, vi, data = es, method = model, control = list(threshold = 1e-12))
  args <- list(res, alternative = alt, alpha = alpha, tes.alternative = tes_alt, tes.alpha = tes_alpha, progbar = FALSE, rel.tol = 1e-12)
  if (!is.null(test)) args$test <- test
  t <- do.call(tes, args)
  tau2 <- if (model == "FE") 0 else res$tau2
  pfun <- function(th, dir, lev) tes(es$yi, vi = es$vi, theta = th, tau2 = tau2, test = t$test, alternative = alt, alpha = alpha,
                                     tes.alternative = dir, tes.alpha = lev, progbar = FALSE, rel.tol = 1e-12, find.lim = FALSE)$pval - lev
  lim1 <- function(dir, lev) {
    d0 <- pfun(0, dir, lev)
    if ((dir == "greater" && d0 >= 0) || (dir == "less" && d0 <= 0)) return(NA)
    th <- c(res$beta)
    ext <- if (dir == "greater") { if (th >= 0) "upX" else "downX" } else { if (th >= 0) "downX" else "upX" }
    iv <- if (th >= 0) c(0, th) else c(th, 0)
    uniroot(pfun, interval = iv, extendInt = ext, dir = dir, lev = lev, tol = 1e-13, maxiter = 10000)$root
  }
  lim <- if (tes_alt == "two.sided") c(lim1("greater", tes_alpha / 2), lim1("less", tes_alpha / 2)) else lim1(tes_alt, tes_alpha)
  own <- t$theta.lim
  d <- suppressWarnings(max(abs(lim - own), na.rm = TRUE)); if (is.finite(d) && d > 1e-3) stop(sprintf("%s: theta_lim %g vs tes() %g", id, lim, own))
  if (!identical(is.na(lim), is.na(own))) stop(sprintf("%s: theta_lim found by one computation only", id))
  o <- list(model = if (model == "FE") "fixed" else "random", ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE),
            alternative = alt, alpha = alpha, tes_alternative = tes_alt, tes_alpha = tes_alpha, test = if (is.null(test)) "auto" else test)
  if (model != "FE") o$tau2_method <- model
  if (!is.null(measure)) o$measure <- measure
  e <- list(k = t$k, observed = t$O, expected = t$E, ratio = t$OEratio, test = t$test, p = t$pval, power = unname(t$power),
            significant = unname(t$sig), theta = c(res$beta), theta_limit = as.list(lim))
  if (!is.na(t$X2)) e$statistic <- t$X2
  write_case_file(id, title, sprintf("tes(rma(yi, vi, method='%s'), tes.alternative='%s', test=%s, rel.tol=1e-12); theta_lim by uniroot(tol=1e-13)",
                                     model, tes_alt, if (is.null(test)) "default" else paste0("'", test, "'")), "tes", data, o, e, na = "null")
}

bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
bes <- escalc("OR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi)
nm <- dat.normand1999
nd <- data.frame(study = nm$source, mean_treat = nm$m1i, sd_treat = nm$sd1i, n_treat = nm$n1i, mean_ctrl = nm$m2i,
                 sd_ctrl = nm$sd2i, n_ctrl = nm$n2i)
nes <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
tes_case("tes_bcg_or_reml", "BCG trials, log OR, REML: test of excess significance", bcgd, bes, "OR")
tes_case("tes_bcg_or_fe", "BCG trials, log OR, fixed effect (no between-study variance)", bcgd, bes, "OR", model = "FE")
tes_case("tes_hackshaw_reml", "Passive smoking, log OR, REML", hd, hd, NULL)
tes_case("tes_hackshaw_chi2", "Passive smoking, log OR, REML, chi-squared test", hd, hd, NULL, test = "chi2")
tes_case("tes_hackshaw_binom_two_sided", "Passive smoking, log OR, REML, binomial test, two-sided", hd, hd, NULL, test = "binom", tes_alt = "two.sided")
tes_case("tes_normand_md_fe_two_sided", "Stroke-unit length of stay, MD, fixed effect, exact two-sided test", nd, nes, "MD", model = "FE", tes_alt = "two.sided")
tes_case("tes_bcg_or_less", "BCG trials, log OR, DL, fewer significant studies than expected (less)", bcgd, bes, "OR", model = "DL", tes_alt = "less")
