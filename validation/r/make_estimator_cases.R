# Reference cases of analysis `pairwise` for the tau² estimators added to metafor's list: HSk (Hunter-
# Schmidt, small-sample corrected), DLIT (iterated DerSimonian-Laird) and SJIT (iterated Sidik-Jonkman),
# on three data sets, with metafor 3.8.1 run to a convergence threshold of 1e-10 (an absolute change in tau²; tighter does not settle for the large tau² of the stroke-unit data).
# Usage: Rscript validation/r/make_estimator_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-10, tol = 1e-14, maxiter = 10000)

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "pairwise", data, options, expected)
pooled <- function(res) {
  pr <- predict(res)
  list(estimate = res$beta[1], se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, z = res$zval, p = res$pval, q = res$QE,
       q_df = res$k - res$p, q_p = res$QEp, i2 = res$I2, h2 = res$H2, tau2 = res$tau2, tau = sqrt(res$tau2), pi_lower = pr$pi.lb, pi_upper = pr$pi.ub)
}
bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
h <- dat.hackshaw1998
hd <- data.frame(study = paste(h$author, h$year), yi = h$yi, vi = h$vi)
sets <- list(list("bcg_rr", bcgd, "RR", escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd), "BCG trials, log RR"),
             list("normand_md", nd, "MD", escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd), "Stroke-unit length of stay, MD"),
             list("hackshaw_gen", hd, NULL, hd, "Passive smoking, log OR (precomputed)"))
for (s in sets) for (m in c("HSk", "DLIT", "SJIT")) {
  res <- tryCatch(rma(yi, vi, data = s[[4]], method = m, control = tight), error = function(e) NULL)
  if (is.null(res)) {
    # metafor's iterated DL does not settle on the passive-smoking data (no case is written)
    cat(sprintf("pw_%s_%s: metafor does not converge, no case\n", s[[1]], tolower(m)))
    next
  }
  o <- list(model = "random", tau2_method = m, ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(s[[3]])) o$measure <- s[[3]]
  write_case(sprintf("pw_%s_%s", s[[1]], tolower(m)), sprintf("%s, %s", s[[5]], m),
             sprintf("rma(yi, vi, method='%s', control=list(threshold=1e-10, maxiter=10000))", m), s[[2]], o, pooled(res))
}
