# Reference cases of analysis `mh_tests`: the tests metafor 3.8.1's rma.mh prints for odds ratios: the
# Cochran-Mantel-Haenszel test of no association (with and without the continuity correction), and the
# Breslow-Day and Tarone tests of homogeneity of the odds ratios. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_mh_tests_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "mh_tests", data, options, expected, na = "null")
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
tests <- function(res) list(estimate = as.numeric(res$beta), cmh = res$MH, cmh_p = res$MHp, bd = res$BD, bd_p = res$BDp,
                            tarone = res$TA, tarone_p = res$TAp, k_pos = res$k.pos)
cases <- list(
  list("bcg", { b <- dat.bcg; bin(paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg) }, "BCG trials"),
  list("nielweise", { n <- dat.nielweise2007; bin(paste(n$author, n$year), n$ai, n$n1i, n$ci, n$n2i) }, "Catheter-related infections (trials with zero cells)"),
  list("collins", { c <- dat.collins1985a; bin(paste(c$trial, c$year), c$b.xti, c$nti, c$b.xci, c$nci) }, "GI haemorrhage rebleeding (Collins and Langman 1985)"))
for (x in cases) {
  for (correct in c(TRUE, FALSE)) {
    d <- na.omit(x[[2]])
    res <- rma.mh(measure = "OR", ai = d$events_treat, n1i = d$total_treat, ci = d$events_ctrl, n2i = d$total_ctrl, correct = correct)
    write_case(sprintf("mht_%s_or%s", x[[1]], if (correct) "" else "_nocorrect"),
               sprintf("%s, Mantel-Haenszel OR: CMH, Breslow-Day and Tarone tests%s", x[[3]], if (correct) "" else " (CMH without continuity correction)"),
               sprintf("rma.mh(measure='OR', correct=%s): MH, MHp, BD, BDp, TA, TAp, k.pos", correct), d,
               list(measure = "OR", model = "fixed", fixed_method = "MH", cmh_correct = correct), tests(res))
  }
}
