# Reference values for the unadjusted patient-level models on a million patients, computed exactly from
# the patients' counts per trial, arm and mRS category (for models without covariates the counts are
# sufficient: the weighted fit on 98 cells is the patient-level fit).
# Data: the million-patient W3 benchmark file (../shared/bench/gen_data.R, gen_ipd(1000000, 20240303)).
# Usage: Rscript strokemeta-core/src/test/r/million_patients_reference.R ../shared/bench/gen_data.R
# Writes strokemeta-core/src/test/resources/ipd/million_counts.csv and million_reference.csv.
# R 4.2.2, ordinal 2022.11.16.
suppressMessages(library(ordinal))
args <- commandArgs(trailingOnly = TRUE)
gen <- if (length(args)) args[1] else "../shared/bench/gen_data.R"
src <- readLines(gen)
eval(parse(text = src[!grepl("^wcsv\\(", src)]))
d <- gen_ipd(1000000L, 20240303)
counts <- aggregate(list(count = rep(1L, nrow(d))), by = list(study = d$study, treatment = d$treatment, mrs = d$mrs), FUN = sum)
counts <- counts[order(counts$study, counts$treatment, counts$mrs), ]
out <- "strokemeta-core/src/test/resources/ipd"
write.csv(counts, file.path(out, "million_counts.csv"), row.names = FALSE, quote = FALSE)

counts$study <- factor(counts$study)
rows <- list()
add <- function(name, est, se, ll) rows[[length(rows) + 1]] <<- data.frame(quantity = name, estimate = est, se = se, loglik = ll)
arm <- function(ev) {
  a <- aggregate(list(events = counts$count * ev, total = counts$count),
                 by = list(study = counts$study, treatment = counts$treatment), FUN = sum)
  a$study <- factor(a$study)
  a
}
for (b in list(list("mrs0-2", counts$mrs <= 2), list("mrs0-1", counts$mrs <= 1), list("death", counts$mrs == 6))) {
  a <- arm(as.integer(b[[2]]))
  # the binomial fit on events per arm has the patient-level log-likelihood up to the constant sum(lchoose(total, events))
  f <- glm(cbind(events, total - events) ~ 0 + study + treatment, family = binomial, data = a,
           control = glm.control(epsilon = 1e-12, maxit = 100))
  s <- summary(f)$coefficients["treatment", ]
  add(paste0("logit_", b[[1]]), s[["Estimate"]], s[["Std. Error"]], as.numeric(logLik(f)) - sum(lchoose(a$total, a$events)))
}
counts$y <- factor(counts$mrs, levels = 0:6, ordered = TRUE)
# strokemeta's common odds ratio > 1 means a shift toward lower (better) mRS: the sign of clm's coefficient
po <- clm(y ~ treatment, nominal = ~study, weights = count, data = counts, control = clm.control(gradTol = 1e-10))
add("clm_treatment", -coef(po)[["treatment"]], sqrt(vcov(po)["treatment", "treatment"]), as.numeric(logLik(po)))
npo <- clm(y ~ 1, nominal = ~study + treatment, weights = count, data = counts, control = clm.control(gradTol = 1e-10))
add("po_check_lr", 2 * (as.numeric(logLik(npo)) - as.numeric(logLik(po))), NA, as.numeric(logLik(npo)))
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "million_reference.csv"), row.names = FALSE, quote = FALSE)
print(res, digits = 12)
