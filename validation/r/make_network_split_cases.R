# Reference cases of node splitting in network meta-analysis (analysis "network" with option node_split = true,
# validation/EXTRA-FORMAT.md): for every comparison A-B with direct evidence (A before B in the treatments' order) whose
# indirect evidence identifies it, the consistency model is refitted with one more parameter, delta, for the direct
# evidence (Dias et al. 2010, Stat Med 29:932-944): every trial containing both A and B takes A as its baseline, and
# its contrast B - A has mean d_B - d_A - delta. Then direct (A vs B) = d_A - d_B + delta, indirect = d_A - d_B,
# their difference = delta; tau² is re-estimated in each split model. Other trials keep their first arm (in the
# treatments' order) as baseline. Arm-level data as in the shared nma_* cases (log OR with 0.5 added to every cell
# of a trial with a zero cell, a trial without events or with only events in every arm left out; MD).
#   rma.mv(yi, V, mods = cbind(X, split), intercept = FALSE, random = ~ comp | study, rho = 1/2, method)
# The data are read from the shared cases (validation/cases/nma_*.json).
# Usage: Rscript validation/r/make_network_split_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

arm_stats <- function(d, binary) {
  if (binary) {
    zero <- any(d$events == 0 | d$events == d$total)
    a <- d$events + if (zero) 0.5 else 0
    b <- d$total - d$events + if (zero) 0.5 else 0
    list(est = log(a / b), var = 1 / a + 1 / b)
  } else list(est = d$mean, var = d$sd^2 / d$n)
}

# contrasts of every trial against its baseline; `split` = c(A, B) or NULL
build <- function(data, trts, binary, split = NULL) {
  rows <- list(); V <- list()
  for (s in unique(data$study)) {
    d <- data[data$study == s, ]
    d <- d[order(match(d$treatment, trts)), ]
    if (binary && (all(d$events == 0) || all(d$events == d$total))) next   # no information on relative effects: left out
    st <- arm_stats(d, binary)
    base <- 1
    both <- !is.null(split) && all(split %in% d$treatment)
    if (both) base <- which(d$treatment == split[1])
    oth <- setdiff(seq_len(nrow(d)), base)
    m <- length(oth)
    for (j in oth) {
      x <- setNames(rep(0, length(trts)), trts)
      x[d$treatment[j]] <- 1; x[d$treatment[base]] <- -1
      sp <- if (both && d$treatment[j] == split[2]) -1 else 0
      rows[[length(rows) + 1]] <- data.frame(study = s, comp = d$treatment[j], yi = st$est[j] - st$est[base], t(x), split = sp,
                                             check.names = FALSE)
    }
    V[[length(V) + 1]] <- matrix(st$var[base], m, m) + diag(st$var[oth], m)
  }
  list(d = do.call(rbind, rows), V = bldiag(V))
}

split_case <- function(src, id, title, method) {
  sc <- fromJSON(file.path("validation/cases", paste0(src, ".json")))
  data <- sc$data
  trts <- sc$options$treatments
  ref <- sc$options$reference
  binary <- "events" %in% names(data)
  others <- setdiff(trts, ref)
  fitm <- function(b, mods) {
    X <- as.matrix(b$d[, mods, drop = FALSE])
    if (method == "FE") rma.mv(b$d$yi, b$V, mods = X, intercept = FALSE, method = "FE")
    else {
      f <- function(tol) rma.mv(b$d$yi, b$V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, data = b$d, method = method,
                                control = list(rel.tol = tol, iter.max = 10000, eval.max = 10000))
      tryCatch(f(1e-12), error = function(e) f(1e-10))   # nlminb may refuse the stricter tolerance
    }
  }
  # the comparisons with direct evidence, in the treatments' order
  pairs <- list()
  for (s in unique(data$study)) {
    tt <- trts[trts %in% data$treatment[data$study == s]]
    for (a in seq_along(tt)) for (c in seq_along(tt)) if (a < c) pairs[[paste(tt[a], tt[c], sep = "\r")]] <- c(tt[a], tt[c])
  }
  pairs <- pairs[order(sapply(pairs, function(p) match(p[1], trts)), sapply(pairs, function(p) match(p[2], trts)))]
  cons <- fitm(build(data, trts, binary), others)
  out <- list(); direct_only <- list()
  for (p in pairs) {
    b <- build(data, trts, binary, p)
    X <- as.matrix(b$d[, c(others, "split")])
    ntr <- sum(sapply(unique(b$d$study), function(s) all(p %in% data$treatment[data$study == s])))   # trials analysed
    if (qr(X)$rank < ncol(X)) { direct_only[[length(direct_only) + 1]] <- list(treat1 = p[1], treat2 = p[2], studies = ntr); next }
    r <- fitm(b, c(others, "split"))
    cv <- function(w) { v <- setNames(rep(0, length(others) + 1), c(others, "split")); for (n in names(w)) v[n] <- v[n] + w[[n]]; v }
    w_ind <- list(); if (p[1] != ref) w_ind[[p[1]]] <- 1; if (p[2] != ref) w_ind[[p[2]]] <- -1
    ci <- cv(w_ind); cd <- ci; cd["split"] <- 1
    b0 <- as.vector(r$beta); vb <- r$vb
    est <- function(c) c(sum(c * b0), sqrt(drop(t(c) %*% vb %*% c)))
    ind <- est(ci); dir <- est(cd); del <- est(cv(list(split = 1)))
    cc <- cv(w_ind)[seq_along(others)]
    net <- c(sum(cc * as.vector(cons$beta)), sqrt(drop(t(cc) %*% cons$vb %*% cc)))
    q <- qnorm(0.975)
    z <- del[1] / del[2]
    out[[length(out) + 1]] <- list(treat1 = p[1], treat2 = p[2], studies = ntr,
      network = net[1], network_se = net[2],
      direct = dir[1], direct_se = dir[2], direct_ci_lower = dir[1] - q * dir[2], direct_ci_upper = dir[1] + q * dir[2],
      indirect = ind[1], indirect_se = ind[2], indirect_ci_lower = ind[1] - q * ind[2], indirect_ci_upper = ind[1] + q * ind[2],
      difference = del[1], difference_se = del[2], z = z, p = 2 * pnorm(-abs(z)), tau2 = if (method == "FE") 0 else r$tau2)
  }
  opts <- sc$options[c("measure", "reference", "treatments", "model")]
  opts$model <- if (method == "FE") "fixed" else "random"
  if (method != "FE") opts$tau2_method <- method
  opts$rho <- 0.5; opts$level <- 0.95; opts$node_split <- TRUE
  e <- list(node_split = out, direct_only = direct_only)
  write_case_file(id, title, sprintf("node splitting (Dias et al. 2010), one model per comparison: rma.mv(yi, V, mods = cbind(X, split), intercept = FALSE%s); trials containing both treatments take the first of them as baseline; data of %s", if (method == "FE") ", method = 'FE'" else sprintf(", random = ~ comp | study, rho = 1/2, method = '%s', control = list(rel.tol = 1e-12, or 1e-10 where nlminb refuses it)", method), src),
                  "network", data, opts, e, tol = list(relative = 1e-4, absolute = 1e-8))
}

split_case("nma_hasselblad_or_reml", "nma_split_hasselblad_or_reml", "Smoking cessation: node splitting of the log OR network, random effects (REML)", "REML")
split_case("nma_hasselblad_or_fe", "nma_split_hasselblad_or_fe", "Smoking cessation: node splitting of the log OR network, fixed effect", "FE")
split_case("nma_senn_md_reml", "nma_split_senn_md_reml", "Glucose-lowering agents (HbA1c): node splitting of the MD network, random effects (REML)", "REML")
split_case("nma_dogliotti_stroke_or_fe", "nma_split_dogliotti_stroke_or_fe", "Antithrombotics in atrial fibrillation, stroke: node splitting, fixed effect", "FE")
