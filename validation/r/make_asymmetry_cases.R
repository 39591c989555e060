# Reference cases of analysis `asymmetry_binary`: Harbord's and Peters' tests of funnel-plot asymmetry for
# odds ratios, as R's meta package (metabias(method.bias = "Harbord" | "Peters")) computes them: metafor
# 3.8.1's regtest(model = "lm") on the score statistics (Harbord: yi = Z/V, sei = 1/sqrt(V), predictor
# "sei") or on the log odds ratio against 1/N with sei = sqrt(1/(a+c) + 1/(b+d)) (Peters, predictor "ni").
# Tables with no event (or only events) in both arms are left out, as metabin() leaves them out.
# Usage: Rscript validation/r/make_asymmetry_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

tests <- function(d) {
  keep <- (d$events_treat + d$events_ctrl) > 0 & (d$total_treat + d$total_ctrl - d$events_treat - d$events_ctrl) > 0
  d <- d[keep, ]
  a <- as.numeric(d$events_treat); n1 <- as.numeric(d$total_treat); c <- as.numeric(d$events_ctrl); n2 <- as.numeric(d$total_ctrl); N <- n1 + n2
  Z <- a - (a + c) * n1 / N
  V <- n1 * n2 * (a + c) * (N - a - c) / (N^2 * (N - 1))
  h <- regtest(rma.uni(yi = Z / V, sei = 1 / sqrt(V), method = "FE"), model = "lm", predictor = "sei")
  es <- escalc("OR", ai = a, n1i = n1, ci = c, n2i = n2)
  s <- sqrt(1 / (a + c) + 1 / (N - a - c))
  pe <- regtest(rma.uni(yi = es$yi, sei = s, ni = 1 / N, method = "FE"), model = "lm", predictor = "ni")
  co <- function(r) { cf <- coef(summary(r$fit)); list(slope = cf[2, 1], slope_se = cf[2, 2], statistic = cf[2, 3], df = r$dfs, p = cf[2, 4],
                                                        intercept = cf[1, 1], intercept_se = cf[1, 2]) }
  list(k = sum(keep), harbord = co(h), peters = co(pe))
}
bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
bcg <- dat.bcg
bcgd <- bin(paste(bcg$author, bcg$year), bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)
nw <- dat.nielweise2007
nwd <- bin(paste(nw$author, nw$year), nw$ai, nw$n1i, nw$ci, nw$n2i)
# a sparse set with a table without events in either arm (left out)
sp <- bin(paste("Trial", 1:8), c(0, 2, 1, 5, 0, 3, 8, 1), c(40, 55, 60, 120, 35, 80, 200, 45), c(0, 4, 3, 9, 2, 6, 15, 3),
          c(42, 50, 58, 118, 30, 85, 210, 44))
for (s in list(list("bcg", bcgd, "BCG trials"), list("nielweise", nwd, "Anti-infective catheters, infections (zero cells)"),
               list("sparse", sp, "Eight sparse trials, one without events"))) {
  write_case_file(sprintf("asym_%s", s[[1]]), sprintf("%s: Harbord's and Peters' tests", s[[3]]),
                  "meta::metabias(method.bias='Harbord'|'Peters') as computed by metafor::regtest(model='lm') (see the script)",
                  "asymmetry_binary", s[[2]], list(measure = "OR", continuity = list(add = 0.5, to = "only0", drop00 = FALSE)), tests(s[[2]]))
}
