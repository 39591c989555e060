# Reference values for ShiftPowerTest: Whitehead's power and sample size for the ordinal shift, by
# R's Hmisc::popower and Hmisc::posamsize (Whitehead, Stat Med 1993), with the mean distribution of the
# two arms under proportional odds (odds(Y <= j | treatment) = cOR * odds(Y <= j | control)).
# Usage: Rscript strokemeta-core/src/test/r/power_reference.R
suppressMessages(library(Hmisc))
control <- c(0.050, 0.079, 0.136, 0.164, 0.247, 0.135, 0.189)   # the HERMES control arm of the simulator
shifted <- function(p, or) {
  cum <- cumsum(p)[-length(p)]
  s <- or * cum / (1 - cum + or * cum)
  diff(c(0, s, 1))
}
pbar <- function(p, or, n1, n2) (n1 * shifted(p, or) + n2 * p) / (n1 + n2)
cases <- list(c(2.49, 100, 100), c(1.5, 150, 75), c(1.3, 400, 400))
for (cs in cases) {
  or <- cs[1]; n1 <- cs[2]; n2 <- cs[3]
  pw <- popower(pbar(control, or, n1, n2), or, n1 = n1, n2 = n2, alpha = 0.05)$power
  cat(sprintf("power cor=%g nT=%d nC=%d: %.15g\n", or, n1, n2, pw))
}
for (cs in list(c(2.49, 0.9, 0.5), c(1.5, 0.8, 2/3))) {
  or <- cs[1]; power <- cs[2]; frac <- cs[3]
  p <- frac * shifted(control, or) + (1 - frac) * control
  n <- posamsize(p, or, fraction = frac, alpha = 0.05, power = power)$n
  cat(sprintf("n cor=%g power=%g fraction=%.6f: %.15g\n", or, power, frac, n))
}
cat(sprintf("treatment distribution at 2.49: %s\n", paste(sprintf("%.15g", shifted(control, 2.49)), collapse = " ")))
