# Reference values for src/test/java/org/strokemeta/pool/ExtremeInputTest.java and
# src/test/java/org/strokemeta/cli/ExtremeInputCliTest.java: one study whose sampling variance is
# 1e-10 (or whose counts are 1e10 of 1e11) beside ordinary ones. metafor 3.8.1 (Debian's r-cran-metafor),
# R 4.2.2; metafor warns "Ratio of largest to smallest sampling variance extremely large" and answers.
suppressWarnings(suppressMessages(library(metafor)))
p <- function(...) cat(sprintf("%.17g", c(...)), "\n")

# 1. No heterogeneity: y = -0.8, -0.6, -0.7; v = 1e-10, 0.12, 0.36
y <- c(-0.8, -0.6, -0.7); v <- c(1e-10, 0.12, 0.36)
r <- suppressWarnings(rma(y, v))                       # REML
p(r$tau2, r$b[1], r$se)
# 0 -0.79999999980555558 9.9999999944444439e-06
p(suppressWarnings(confint(r))$random[1, ])           # Q-profile (uniroot, tol 1.2e-4)
# 0 0 0.33699095598826473

# 2. Heterogeneity: y = -0.8, 0.5, -1.5, 0.2; v = 1e-10, 0.01, 0.02, 0.05
y2 <- c(-0.8, 0.5, -1.5, 0.2); v2 <- c(1e-10, 0.01, 0.02, 0.05)
for (m in c("REML", "ML", "EB")) { r2 <- suppressWarnings(rma(y2, v2, method = m)); cat(m, ""); p(r2$tau2, r2$b[1], r2$se) }
# REML 0.82733171113355009 -0.4048571576292575 0.4601425648781583
# ML 0.61557637141236909 -0.40640791275196636 0.39844584489088558
# EB 0.82704584724246855 -0.40485874498277946 0.46006486520672529
print(suppressWarnings(confint(rma(y2, v2)))$random, digits = 10)
#            estimate         ci.lb          ci.ub
# tau^2   0.8273317111  0.2524595810   11.750625974

# 3. Counts: A 1e10/1e11 vs 2e10/1e11, B 10/100 vs 20/100, C 5/50 vs 9/50, log odds ratio
es <- escalc("OR", ai = c(1e10, 10, 5), n1i = c(1e11, 100, 50), ci = c(2e10, 20, 9), n2i = c(1e11, 100, 50))
r3 <- suppressWarnings(rma(yi, vi, data = es))
p(r3$tau2, r3$b[1], r3$se)
# 0 -0.81093021615321081 1.3176156907582829e-05
