# Reference values for ShiftSubgroupsTest (a fixed test table, an earlier transcription of the HERMES trials'
# distributions; the evidence base's own are checked by published_analysis_reference.R): the unadjusted common odds ratio of each trial's bundled
# 90-day mRS distribution (ordinal::clm with counts as weights) and their REML pool (metafor::rma).
# Usage: Rscript strokemeta-core/src/test/r/published_reference.R
suppressMessages({library(ordinal); library(metafor)})
d <- read.csv("strokemeta-core/src/test/resources/org/strokemeta/study/hermes-2016-distributions.csv")
yi <- c(); sei <- c()
for (s in unique(d$study)) {
  x <- d[d$study == s, ]
  long <- data.frame(y = factor(rep(0:6, 2), ordered = TRUE), trt = rep(c(1, 0), each = 7),
                     w = c(unlist(x[x$arm == "treatment", paste0("mrs", 0:6)]), unlist(x[x$arm == "control", paste0("mrs", 0:6)])))
  long <- long[long$w > 0, ]
  f <- clm(y ~ trt, weights = w, data = long, control = clm.control(gradTol = 1e-12, relTol = 1e-12))
  yi[s] <- -coef(f)[["trt"]]; sei[s] <- sqrt(vcov(f)["trt", "trt"])
  cat(sprintf("%s: log_cor=%.15g se=%.15g\n", s, yi[s], sei[s]))
}
five <- c("MR CLEAN", "ESCAPE", "REVASCAT", "SWIFT PRIME", "EXTEND-IA")
r5 <- rma(yi[five], sei = sei[five], method = "REML", control = list(threshold = 1e-12))
r7 <- rma(yi, sei = sei, method = "REML", control = list(threshold = 1e-12))
cat(sprintf("pooled5: %.15g se=%.15g\npooled7: %.15g se=%.15g\n", r5$b, r5$se, r7$b, r7$se))

# by subgroup (ShiftSubgroupsTest): A = MR CLEAN, ESCAPE, REVASCAT, THRACE; B = SWIFT PRIME, EXTEND-IA, PISTE;
# each pooled by REML, then the Wald-type test between the subgroups' estimates (metafor: rma of the two, method "FE")
A <- c("MR CLEAN", "ESCAPE", "REVASCAT", "THRACE"); B <- c("SWIFT PRIME", "EXTEND-IA", "PISTE")
ra <- rma(yi[A], sei = sei[A], method = "REML", control = list(threshold = 1e-12))
rb <- rma(yi[B], sei = sei[B], method = "REML", control = list(threshold = 1e-12))
q <- rma(c(ra$b, rb$b), sei = c(ra$se, rb$se), method = "FE")
cat(sprintf("subgroup A: %.15g se=%.15g tau2=%.15g; B: %.15g se=%.15g; Q=%.15g p=%.15g\n", ra$b, ra$se, ra$tau2, rb$b, rb$se, q$QE, q$QEp))
