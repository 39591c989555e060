# Reference values for PublishedAnalysisTest: the analyses of the bundled published evidence recomputed
# with metafor and ordinal from the counts and estimates the bundled files give (listed below; the test
# checks that the analysis used exactly these). R 4.2.2, metafor 3.8.1, ordinal 2022.11.16.
# Usage: Rscript strokemeta-core/src/test/r/published_analysis_reference.R
suppressMessages({library(metafor); library(ordinal)})
ctl <- list(threshold = 1e-12)
p <- function(...) cat(sprintf(...), "\n", sep = "")

# 1. published common odds ratios (lvo-early: ESCAPE, MR CLEAN, REVASCAT), log scale, SE from the 95% CI
est <- c(2.6, 1.67, 1.7); lo <- c(1.7, 1.21, 1.05); hi <- c(3.8, 2.3, 2.8)
yi <- log(est); sei <- (log(hi) - log(lo)) / (2 * qnorm(0.975))
f <- rma(yi, sei = sei, method = "REML", control = ctl)
p("shift_published lvo-early: %.15g se=%.15g tau2=%.15g", f$b, f$se, f$tau2)
# large-core: RESCUE-Japan LIMIT, TENSION
g <- rma(log(c(2.42, 2.58)), sei = (log(c(4.01, 4.15)) - log(c(1.46, 1.6))) / (2 * qnorm(0.975)), method = "REML", control = ctl)
p("shift_published large-core: %.15g se=%.15g", g$b, g$se)
# test for differences between populations: each population's estimate (a single trial as it is), Q of a fixed-effect model
one <- function(e, l, h) c(log(e), (log(h) - log(l)) / (2 * qnorm(0.975)))
d3 <- one(2.77, 1.63, 4.7); di <- one(0.9, 0.67, 1.22)
q <- rma(c(f$b, d3[1], g$b, di[1]), sei = c(f$se, d3[2], g$se, di[2]), method = "FE")
p("shift_published between: Q=%.15g p=%.15g", q$QE, q$QEp)

# 2. two-stage shift from the distributions (lvo-early: EXTEND-IA, MR CLEAN, PISTE, REVASCAT, SWIFT PRIME, THRACE)
dist <- list(
  "EXTEND-IA" = list(c(9,9,7,6,1,0,3), c(6,4,4,4,6,4,7)),
  "MR CLEAN" = list(c(6,21,49,43,52,13,49), c(1,15,35,44,81,32,59)),
  "PISTE" = list(c(5,9,3,4,4,1,7), c(1,5,6,7,4,3,4)),
  "REVASCAT" = list(c(7,18,20,19,8,12,19), c(6,7,16,20,17,21,16)),
  "SWIFT PRIME" = list(c(17,25,17,12,15,3,9), c(8,10,15,16,20,12,12)),
  "THRACE" = list(c(31,39,36,25,34,11,24), c(24,33,28,25,56,9,27)))
ly <- c(); ls <- c()
for (s in names(dist)) {
  long <- data.frame(y = factor(rep(0:6, 2), ordered = TRUE), trt = rep(c(1, 0), each = 7), w = c(dist[[s]][[1]], dist[[s]][[2]]))
  long <- long[long$w > 0, ]
  m <- clm(y ~ trt, weights = w, data = long, control = clm.control(gradTol = 1e-12, relTol = 1e-12))
  ly[s] <- -coef(m)[["trt"]]; ls[s] <- sqrt(vcov(m)["trt", "trt"])
  p("two_stage %s: %.15g se=%.15g", s, ly[s], ls[s])
}
t2 <- rma(ly, sei = ls, method = "REML", control = ctl)
p("two_stage lvo-early: %.15g se=%.15g", t2$b, t2$se)

# 3. mRS 0-2, lvo-early: EXTEND-IA, MR CLEAN, PISTE, REVASCAT, SWIFT PRIME, THRACE
ai <- c(25, 76, 17, 45, 59, 106); n1 <- c(35, 233, 33, 103, 98, 200); ci <- c(14, 51, 12, 29, 33, 85); n2 <- c(35, 267, 30, 103, 93, 202)
re <- rma(measure = "RR", ai = ai, n1i = n1, ci = ci, n2i = n2, method = "REML", control = ctl)
mh <- rma.mh(measure = "RR", ai = ai, n1i = n1, ci = ci, n2i = n2)
p("mrs_0_2 lvo-early: RE %.15g se=%.15g; MH %.15g se=%.15g", re$b, re$se, mh$b, mh$se)

# 4. symptomatic ICH, lvo-early (EXTEND-IA, MR CLEAN, PISTE, REVASCAT) and basilar (ATTENTION, BASICS)
ai <- c(0, 18, 0, 2); n1 <- c(35, 233, 33, 103); ci <- c(2, 17, 0, 2); n2 <- c(35, 267, 32, 103)
re <- rma(measure = "RR", ai = ai, n1i = n1, ci = ci, n2i = n2, method = "REML", control = ctl)
mh <- rma.mh(measure = "RR", ai = ai, n1i = n1, ci = ci, n2i = n2)
pe <- rma.peto(ai = ai, n1i = n1, ci = ci, n2i = n2)
p("sich lvo-early: RE %.15g se=%.15g k=%d; MH %.15g se=%.15g; Peto %.15g se=%.15g", re$b, re$se, re$k, mh$b, mh$se, pe$b, pe$se)
ai <- c(12, 7); n1 <- c(226, 154); ci <- c(0, 1); n2 <- c(114, 146)
mh <- rma.mh(measure = "RR", ai = ai, n1i = n1, ci = ci, n2i = n2)
pe <- rma.peto(ai = ai, n1i = n1, ci = ci, n2i = n2)
p("sich basilar: MH %.15g se=%.15g; Peto %.15g se=%.15g", mh$b, mh$se, pe$b, pe$se)

# 5. optimal information size: control risk of the lvo-early mRS 0-2 arms, a 25% relative increase, alpha 0.05, power 0.80
p0 <- sum(c(14, 51, 12, 29, 33, 85)) / sum(c(35, 267, 30, 103, 93, 202)); p1 <- p0 * 1.25
n <- (qnorm(0.975) + qnorm(0.8))^2 * (p0 * (1 - p0) + p1 * (1 - p1)) / (p0 - p1)^2
p("ois mrs_0_2 lvo-early: p0=%.15g per_arm=%.15g total=%d", p0, n, 2 * ceiling(n))

# 6. the HERMES trials with a distribution (MR CLEAN, REVASCAT, SWIFT PRIME, EXTEND-IA; ESCAPE has none), REML
h <- c("MR CLEAN", "REVASCAT", "SWIFT PRIME", "EXTEND-IA")
h4 <- rma(ly[h], sei = ls[h], method = "REML", control = ctl)
p("hermes trials with a distribution: %.15g se=%.15g", h4$b, h4$se)
