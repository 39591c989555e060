# Reference cases of analysis `fail_safe_n`: metafor 3.8.1's fsn() of the Rosenthal (Stouffer), Orwin
# (unweighted and weighted, default and given target) and Rosenberg types. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_fsn_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "fail_safe_n", data, options, expected, na = "null")
fsns <- function(yi, vi, alpha, target) {
  r <- fsn(yi, vi, type = "Rosenthal", alpha = alpha)
  o <- fsn(yi, vi, type = "Orwin")
  ow <- fsn(yi, vi, type = "Orwin", weighted = TRUE)
  ot <- fsn(yi, vi, type = "Orwin", target = target)
  b <- fsn(yi, vi, type = "Rosenberg", alpha = alpha)
  list(rosenthal = r$fsnum, rosenthal_p = r$pval, orwin = o$fsnum, orwin_mean = o$meanes, orwin_target = o$target,
       orwin_weighted = ow$fsnum, orwin_weighted_mean = ow$meanes, orwin_given_target = ot$fsnum,
       rosenberg = b$fsnum, rosenberg_p = b$pval, rosenberg_mean = b$meanes)
}
bcg <- dat.bcg
d <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
for (alpha in c(0.05, 0.01)) {
  write_case(sprintf("fsn_bcg_rr_alpha%02d", round(alpha * 100)), sprintf("BCG trials, log RR: fail-safe N (alpha %s)", alpha),
             sprintf("fsn(yi, vi, type=c('Rosenthal','Orwin','Rosenberg'), alpha=%s); Orwin weighted and target=-0.2", alpha), d,
             list(measure = "RR", continuity = list(add = 0.5, to = "only0", drop00 = FALSE), alpha = alpha, orwin_target = -0.2),
             fsns(es$yi, es$vi, alpha, -0.2))
}
h <- dat.hackshaw1998
hd <- data.frame(study = paste(h$author, h$year), yi = h$yi, vi = h$vi)
write_case("fsn_hackshaw_gen", "Passive smoking and lung cancer, log OR (precomputed): fail-safe N",
           "fsn(yi, vi, type=c('Rosenthal','Orwin','Rosenberg'), alpha=0.05); Orwin weighted and target=0.1", hd,
           list(alpha = 0.05, orwin_target = 0.1), fsns(hd$yi, hd$vi, 0.05, 0.1))
