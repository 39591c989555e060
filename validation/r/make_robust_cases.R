# Reference cases of analysis `robust`: cluster-robust inference as metafor 3.8.1's robust(): the default
# sandwich (CR1, adjust=TRUE; CR0, adjust=FALSE) with t tests on n - p degrees of freedom, and
# clubSandwich 0.5.8's CR2 with Satterthwaite degrees of freedom and the HTZ test of the moderators
# (robust(..., clubSandwich=TRUE)), on several effects per cluster.
# Usage: Rscript validation/r/make_robust_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages(library(clubSandwich))
tight <- list(threshold = 1e-12, maxiter = 1000)

rob <- function(r) list(clusters = r$n, estimate = I(as.numeric(r$beta)), se = I(r$se), t = I(r$zval),
                        df = I(if (length(r$ddf) == length(r$beta)) r$ddf else rep(r$ddf, length(r$beta))),
                        p = I(r$pval), ci_lower = I(r$ci.lb), ci_upper = I(r$ci.ub), qm = r$QM, qm_df1 = r$QMdf[1], qm_df2 = r$QMdf[2],
                        qm_p = r$QMp, vcov = unname(unclass(as.matrix(r$vb))[seq_along(r$beta), seq_along(r$beta), drop = FALSE]))
case <- function(id, title, call, data, options, res) write_case_file(id, title, call, "robust", data, options, rob(res), matrix = "rowmajor")

k <- dat.konstantopoulos2011
kd <- data.frame(study = paste0("school ", k$district, "-", k$school), yi = k$yi, vi = k$vi, district = as.character(k$district), year = k$year)
a <- dat.assink2016
ad <- data.frame(study = paste0("study ", a$study, " effect ", a$esid), yi = a$yi, vi = a$vi, study_id = as.character(a$study),
                 published = a$pubstatus, year = a$year, n = round(1 / a$vi))
o <- function(method, robust, mods = NULL, model = "random", ...) {
  x <- list(model = model, ci_method = "z", robust = robust, ...)
  if (model == "random") x$tau2_method <- method
  if (!is.null(mods)) x$moderators <- mods
  x
}
# schools within districts, without and with a moderator
r0 <- rma(yi, vi, data = kd, control = tight)
case("rob_konst_cr1", "Schools in districts, REML, cluster-robust (CR1)", "robust(rma(yi, vi), cluster=district)",
     kd, c(o("REML", "CR1"), cluster = "district"), robust(r0, cluster = kd$district))
case("rob_konst_cr0", "Schools in districts, REML, cluster-robust without the small-sample factor (CR0)", "robust(rma(yi, vi), cluster=district, adjust=FALSE)",
     kd, c(o("REML", "CR0"), cluster = "district"), robust(r0, cluster = kd$district, adjust = FALSE))
case("rob_konst_cr2", "Schools in districts, REML, CR2 with Satterthwaite df (clubSandwich)", "robust(rma(yi, vi), cluster=district, clubSandwich=TRUE)",
     kd, c(o("REML", "CR2"), cluster = "district"), robust(r0, cluster = kd$district, clubSandwich = TRUE))
r1 <- rma(yi, vi, mods = ~ year, data = kd, control = tight)
case("rob_konst_year_cr1", "Schools in districts ~ year, REML, CR1", "robust(rma(yi, vi, mods=~year), cluster=district)",
     kd, c(o("REML", "CR1", mods = "year"), cluster = "district"), robust(r1, cluster = kd$district))
case("rob_konst_year_cr2", "Schools in districts ~ year, REML, CR2 with Satterthwaite df and HTZ test", "robust(rma(yi, vi, mods=~year), cluster=district, clubSandwich=TRUE)",
     kd, c(o("REML", "CR2", mods = "year"), cluster = "district"), robust(r1, cluster = kd$district, clubSandwich = TRUE))
# effects within studies, two moderators (two coefficients tested)
r2 <- rma(yi, vi, mods = ~ published + year, data = ad, control = tight)
case("rob_assink_mods_cr1", "Delinquency effects within studies ~ published + year, REML, CR1", "robust(rma(yi, vi, mods=~pubstatus+year), cluster=study)",
     ad, c(o("REML", "CR1", mods = c("published", "year")), cluster = "study_id"), robust(r2, cluster = ad$study_id))
case("rob_assink_mods_cr2", "Delinquency effects within studies ~ published + year, REML, CR2 and HTZ (2 df)", "robust(rma(yi, vi, mods=~pubstatus+year), cluster=study, clubSandwich=TRUE)",
     ad, c(o("REML", "CR2", mods = c("published", "year")), cluster = "study_id"), robust(r2, cluster = ad$study_id, clubSandwich = TRUE))
r3 <- rma(yi, vi, mods = ~ year, data = ad, method = "DL")
case("rob_assink_year_dl_cr2", "Delinquency effects ~ year, DL, CR2 and HTZ", "robust(rma(yi, vi, mods=~year, method='DL'), cluster=study, clubSandwich=TRUE)",
     ad, c(o("DL", "CR2", mods = "year"), cluster = "study_id"), robust(r3, cluster = ad$study_id, clubSandwich = TRUE))
# fixed effect, and user weights (the bread of the weighted estimate)
r4 <- rma(yi, vi, data = ad, method = "FE")
case("rob_assink_fe_cr1", "Delinquency effects, fixed effect, CR1", "robust(rma(yi, vi, method='FE'), cluster=study)",
     ad, c(o(NULL, "CR1", model = "fixed"), cluster = "study_id"), robust(r4, cluster = ad$study_id))
case("rob_assink_fe_cr2", "Delinquency effects, fixed effect, CR2", "robust(rma(yi, vi, method='FE'), cluster=study, clubSandwich=TRUE)",
     ad, c(o(NULL, "CR2", model = "fixed"), cluster = "study_id"), robust(r4, cluster = ad$study_id, clubSandwich = TRUE))
r5 <- rma(yi, vi, weights = n, data = ad, control = tight)
case("rob_assink_weights_cr1", "Delinquency effects, REML with user weights, CR1", "robust(rma(yi, vi, weights=n), cluster=study)",
     ad, c(o("REML", "CR1"), cluster = "study_id", weights = "n"), robust(r5, cluster = ad$study_id))
