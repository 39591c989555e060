# Reference cases of analysis `labbe`: the coordinates of metafor 3.8.1's L'Abbé plot, labbe(res): each
# study's control-arm (x) and treatment-arm (y) outcome on the scale of the measure. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_labbe_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
b <- dat.bcg
bd <- bin(paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)
n <- dat.nielweise2007
nd <- bin(paste(n$author, n$year), n$ai, n$n1i, n$ci, n$n2i)
pdf(NULL)
for (x in list(list("bcg", bd, "BCG trials"), list("nielweise", nd, "Catheter-related infections (zero cells)"))) for (m in c("OR", "RR", "RD")) {
  d <- x[[2]]
  res <- rma(measure = m, ai = d$events_treat, n1i = d$total_treat, ci = d$events_ctrl, n2i = d$total_ctrl, method = "REML",
             control = list(threshold = 1e-12))
  l <- labbe(res)
  write_case_file(sprintf("labbe_%s_%s", x[[1]], tolower(m)), sprintf("%s, %s: L'Abbé plot coordinates", x[[3]], m),
                  sprintf("labbe(rma(measure='%s', method='REML'))$x, $y", m), "labbe", d,
                  list(measure = m, model = "random", tau2_method = "REML", ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE)),
                  list(estimate = res$beta[1], x = l$x, y = l$y))
}
