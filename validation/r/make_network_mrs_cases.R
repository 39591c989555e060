# Reference cases of network meta-analysis of arm-level mRS distributions (analysis "network", validation/EXTRA-FORMAT.md):
# each trial's arms (counts of mRS 0..6) are fitted by the proportional-odds model with one coefficient per arm other
# than its first (in the treatments' order), ordinal::clm(mrs ~ arm, weights = count) at a gradient tolerance of 1e-12;
# the contrasts are the log common odds ratios of a better outcome (minus clm's coefficients: > 0 favours the arm)
# with clm's covariance; then the consistency model as in the shared nma_* cases:
#   rma.mv(yi, V, mods = treatment indicators, intercept = FALSE, random = ~ comp | study, rho = 1/2, method)
# The data are simulated (seed 20261206): five treatments, eleven trials, one of three arms; not real trials.
# Usage: Rscript validation/r/make_network_mrs_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages(library(ordinal))

set.seed(20261206)
trts <- c("control", "alteplase", "tenecteplase", "thrombectomy", "thrombectomy+alteplase")
effect <- c(0, 0.35, 0.45, 0.9, 1.05)   # log common odds ratios of a better mRS against control
base <- c(0.05, 0.10, 0.12, 0.16, 0.20, 0.15, 0.22)   # control mRS 0..6
designs <- list(c(1, 2), c(1, 2), c(2, 3), c(2, 3), c(2, 3), c(1, 4), c(1, 4), c(2, 5), c(4, 5), c(4, 5), c(1, 2, 4))
rows <- list()
cum <- qlogis(cumsum(base)[1:6])
for (s in seq_along(designs)) {
  u <- rnorm(1, 0, 0.4)
  for (a in designs[[s]]) {
    n <- sample(80:260, 1)
    p <- diff(c(0, plogis(cum + effect[a] + (a != designs[[s]][1]) * u), 1))
    cnt <- as.vector(rmultinom(1, n, p))
    rows[[length(rows) + 1]] <- data.frame(study = sprintf("Trial %02d", s), treatment = trts[a], t(setNames(cnt, paste0("mrs", 0:6))))
  }
}
data <- do.call(rbind, rows)

# each trial's contrasts against its first arm: -coef and the covariance of clm
contrasts <- function(data, trts) {
  out <- list(); V <- list()
  for (s in unique(data$study)) {
    d <- data[data$study == s, ]
    d <- d[order(match(d$treatment, trts)), ]
    long <- do.call(rbind, lapply(seq_len(nrow(d)), function(i) data.frame(arm = d$treatment[i], mrs = 0:6, w = unlist(d[i, paste0("mrs", 0:6)]))))
    long <- long[long$w > 0, ]
    long$arm <- factor(long$arm, levels = d$treatment)
    long$mrs <- factor(long$mrs, levels = sort(unique(long$mrs)), ordered = TRUE)
    f <- clm(mrs ~ arm, weights = w, data = long, control = clm.control(gradTol = 1e-12, maxIter = 1000))
    b <- coef(f)[paste0("arm", d$treatment[-1])]
    vc <- vcov(f)[paste0("arm", d$treatment[-1]), paste0("arm", d$treatment[-1]), drop = FALSE]
    for (j in seq_along(b)) {
      x <- setNames(rep(0, length(trts)), trts); x[d$treatment[j + 1]] <- 1; x[d$treatment[1]] <- -1
      out[[length(out) + 1]] <- data.frame(study = s, comp = d$treatment[j + 1], yi = -b[[j]], t(x), check.names = FALSE)
    }
    V[[length(V) + 1]] <- vc
  }
  list(d = do.call(rbind, out), V = bldiag(V))
}

nma_mrs_case <- function(id, title, method) {
  b <- contrasts(data, trts)
  X <- as.matrix(b$d[, trts[-1]])
  r <- if (method == "FE") rma.mv(b$d$yi, b$V, mods = X, intercept = FALSE, method = "FE") else
    tryCatch(rma.mv(b$d$yi, b$V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, data = b$d, method = method,
                    control = list(rel.tol = 1e-12, iter.max = 10000, eval.max = 10000)),
             error = function(e) rma.mv(b$d$yi, b$V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, data = b$d,
                                        method = method, control = list(rel.tol = 1e-10, iter.max = 10000, eval.max = 10000)))
  rel <- list()
  for (j in seq_along(trts[-1])) rel[[trts[j + 1]]] <- list(estimate = r$beta[j], se = r$se[j], z = r$zval[j], p = r$pval[j],
                                                          ci_lower = r$ci.lb[j], ci_upper = r$ci.ub[j])
  league <- list()
  for (a in seq_along(trts)) for (c in seq_along(trts)) if (a < c) {
    w <- setNames(rep(0, length(trts) - 1), trts[-1])
    if (a > 1) w[trts[a]] <- 1
    if (c > 1) w[trts[c]] <- w[trts[c]] - 1
    est <- sum(w * r$beta); se <- sqrt(drop(t(w) %*% r$vb %*% w))
    league[[length(league) + 1]] <- list(treat1 = trts[a], treat2 = trts[c], estimate = est, se = se,
                                         ci_lower = est - qnorm(0.975) * se, ci_upper = est + qnorm(0.975) * se)
  }
  e <- list(relative_effects = rel, tau2 = if (method == "FE") 0 else r$tau2, qe = r$QE, qe_df = r$k - r$p, qe_p = r$QEp,
            k_contrasts = r$k, league = league)
  write_case_file(id, title, sprintf("per trial ordinal::clm(mrs ~ arm, weights = count, gradTol = 1e-12): contrasts -coef with vcov; rma.mv(yi, V, mods = treatment indicators, intercept = FALSE%s)",
                  if (method == "FE") ", method = 'FE'" else sprintf(", random = ~ comp | study, rho = 1/2, method = '%s', control = list(rel.tol = 1e-12, or 1e-10 where nlminb refuses it)", method)),
                  "network", data, list(measure = "cOR", reference = "control", treatments = trts, model = if (method == "FE") "fixed" else "random",
                                        tau2_method = if (method == "FE") NULL else method, rho = 0.5, level = 0.95),
                  e, tol = list(relative = 1e-5, absolute = 1e-8, keys = list(tau2 = list(relative = 1e-4, absolute = 1e-8))))
}
nma_mrs_case("nma_mrs_sim_reml", "Simulated stroke network of mRS distributions (five treatments, a three-arm trial): log common odds ratios, REML", "REML")
nma_mrs_case("nma_mrs_sim_fe", "Simulated stroke network of mRS distributions (five treatments, a three-arm trial): log common odds ratios, fixed effect", "FE")
