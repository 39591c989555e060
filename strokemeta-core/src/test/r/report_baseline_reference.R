# Reference values for StudyReportTest: Table 1 of the bundled simulated cohort (hermes_sim.csv) by arm,
# with R's mean, sd and quantile(type = 7).
# Usage: Rscript strokemeta-core/src/test/r/report_baseline_reference.R
d <- read.csv("strokemeta-core/src/main/resources/org/strokemeta/examples/hermes_sim.csv")
for (a in c("evt", "control")) {
  x <- d[d$arm == a, ]
  q <- function(v) paste(sprintf("%.15g", quantile(v, c(0.5, 0.25, 0.75), type = 7)), collapse = " ")
  cat(sprintf("%s: n=%d age=%.15g sd=%.15g female=%d nihss=%s ivt=%d otr=%s aspects=%s ica=%d m1=%d m2=%d\n", a, nrow(x),
              mean(x$age), sd(x$age), sum(x$sex == "female"), q(x$nihss), sum(x$ivt), q(x$onset_to_randomisation), q(x$aspects),
              sum(x$occlusion_site == "ICA"), sum(x$occlusion_site == "M1"), sum(x$occlusion_site == "M2")))
}
