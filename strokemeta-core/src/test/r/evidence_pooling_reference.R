# Reference for EvidencePoolingTest: three trials' counts of one outcome pooled as log risk ratios, REML
# (metafor 3.8.1). Run: Rscript evidence_pooling_reference.R
suppressMessages(library(metafor))
d <- data.frame(ai=c(50,40,12), n1i=c(98,120,60), ci=c(30,25,10), n2i=c(100,118,61))
es <- escalc("RR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=d)
f <- rma(yi, vi, data=es, method="REML")
cat(sprintf("%.15g %.15g %.15g %.15g\n", f$beta[1], f$se, f$ci.lb, f$ci.ub))
