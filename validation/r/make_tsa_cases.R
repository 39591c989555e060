# Reference cases of trial sequential analysis beyond the shared corpus's (analysis "tsa", validation/FORMAT.md and
# validation/EXTRA-FORMAT.md): Pocock-type Lan-DeMets spending (alpha and beta), a continuous outcome and the mRS shift.
# Written in plain R from the published formulas (no RTSA or gsDesign in Debian):
#   - information sizes: binary 4 (z_{1-a/2} + z_{1-b})^2 pbar (1 - pbar)/(pC - pI)^2 (Wetterslev et al. 2008);
#     continuous 4 (z_{1-a/2} + z_{1-b})^2 sd^2 / delta^2; times 1/(1 - D2), D2 = 1 - vF/vR (Wetterslev et al. 2009);
#   - spending (Lan and DeMets 1983): O'Brien-Fleming type 4 - 4 Phi(z_{1-a/4}/sqrt(t)); Pocock type a log(1 + (e - 1) t);
#     beta likewise with beta (2 - 2 Phi(z_{1-b/2}/sqrt(t)) for the O'Brien-Fleming type); t capped at 1;
#   - boundaries by the recursive numerical integration of Armitage, McPherson and Rowe (1969): the sub-density of Z_k
#     on the continuation region on a 4001-point Simpson grid, exit probabilities from pnorm's tails, roots by uniroot
#     (tol 1e-13) on the log of the exit probability; the alpha boundaries checked here against mvtnorm::pmvnorm where
#     installed and against the published five-look Pocock-type boundaries of DeMets and Lan (1994) (printed below);
#   - the z-curve: metafor rma.mh (binary, fixed), rma(method = "FE") (continuous, fixed) or rma(method = "DL").
# Usage: Rscript validation/r/make_tsa_cases.R [outdir]   (default: validation/extra)
suppressMessages({library(metafor); library(metadat); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
ref <- sprintf("R %s, metafor %s, metadat %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("metafor"),
               packageVersion("metadat"))
N <- 4001

spend <- function(type, a, t) {
  u <- pmin(t, 1)
  if (type == "obf") 2 * 2 * pnorm(-qnorm(1 - a / 4) / sqrt(u)) else a * log(1 + (exp(1) - 1) * u)
}
spend_beta <- function(type, b, t) {
  u <- pmin(t, 1)
  if (type == "obf") 2 * pnorm(-qnorm(1 - b / 2) / sqrt(u)) else b * log(1 + (exp(1) - 1) * u)
}
simpson <- function(a, c) { h <- (c - a) / (N - 1); w <- rep(c(2, 4), length.out = N); w[1] <- 1; w[N] <- 1; w[2 * (1:((N - 1) / 2))] <- 4
  w[2 * (1:((N - 1) / 2)) + 1] <- 2; w[N] <- 1; list(z = seq(a, c, length.out = N), w = w * h / 3) }
# sub-density on [lo, hi] at t given the previous one (NULL before the first look), drift theta per unit information
carry <- function(prev, t, theta, lo, hi) {
  g <- simpson(max(lo, theta * sqrt(t) - 12), min(hi, theta * sqrt(t) + 12))
  if (is.null(prev)) d <- dnorm(g$z - theta * sqrt(t)) else {
    dt <- t - prev$t
    d <- sapply(g$z, function(z) sum(prev$w * sqrt(t) / sqrt(dt) * dnorm((z * sqrt(t) - prev$z * sqrt(prev$t) - theta * dt) / sqrt(dt))))
  }
  list(t = t, z = g$z, w = g$w * d)
}
exit2 <- function(prev, t, b) { dt <- t - prev$t; m <- prev$z * sqrt(prev$t)
  sum(prev$w * (pnorm((b * sqrt(t) - m) / sqrt(dt), lower.tail = FALSE) + pnorm((-b * sqrt(t) - m) / sqrt(dt)))) }
below <- function(prev, t, theta, f) { dt <- t - prev$t; m <- prev$z * sqrt(prev$t) + theta * dt
  sum(prev$w * pnorm((f * sqrt(t) - m) / sqrt(dt))) }
efficacy <- function(t, spent) {
  b <- numeric(length(t)); prev <- NULL; last <- 0
  for (k in seq_along(t)) {
    inc <- spent[k] - last; last <- spent[k]
    b[k] <- if (inc <= 0) (if (k > 1) b[k - 1] else Inf) else if (is.null(prev)) qnorm(inc / 2, lower.tail = FALSE) else
      uniroot(function(x) log(exit2(prev, t[k], x)) - log(inc), c(1e-6, 30), tol = 1e-13)$root
    prev <- carry(prev, t[k], 0, -b[k], b[k])
  }
  b
}
futility <- function(t, b, spent, theta) {
  f <- numeric(length(t)); prev <- NULL; last <- 0
  for (k in seq_along(t)) {
    inc <- spent[k] - last; last <- spent[k]; ce <- theta * sqrt(t[k])
    f[k] <- if (inc <= 0) (if (k > 1) f[k - 1] else -Inf) else if (is.null(prev)) ce + qnorm(inc) else {
      top <- min(b[k], ce + 30)
      if (below(prev, t[k], theta, top) <= inc) top else uniroot(function(x) log(below(prev, t[k], theta, x)) - log(inc), c(ce - 30, top), tol = 1e-13)$root
    }
    prev <- carry(prev, t[k], theta, max(f[k], -b[k]), b[k])
  }
  f
}

# the published Pocock-type check (DeMets and Lan 1994, Stat Med 13:1341-52, table I: five equally spaced looks, alpha 0.05)
tt <- (1:5) / 5
cat("Pocock-type, 5 equal looks:", round(efficacy(tt, spend("pocock", 0.05, tt)), 3), "\n")
cat("O'Brien-Fleming-type, 5 equal looks:", round(efficacy(tt, spend("obf", 0.05, tt)), 3), " (published 4.877 3.357 2.680 2.290 2.031)\n")

tsa_case <- function(id, title, data, yi, vi, zfun, n, ris_fixed, opts, spending, fut, power) {
  k <- length(yi)
  dl <- rma(yi, vi, method = "DL")
  tau2 <- dl$tau2
  vF <- 1 / sum(1 / vi); vR <- 1 / sum(1 / (vi + tau2))
  d2 <- if (tau2 > 0) 1 - vF / vR else 0
  af <- switch(opts$heterogeneity_correction, none = 1, D2 = 1 / (1 - d2))
  ris <- ris_fixed * af
  info <- cumsum(n); t <- info / ris
  z <- sapply(1:k, zfun)
  a_sp <- spend(spending, opts$alpha, t)
  b <- efficacy(t, a_sp)
  cr <- which(abs(z) >= b)
  e <- list(ris_fixed = ris_fixed, adjustment_factor = af, ris = ris, d2 = d2, tau2 = tau2, information = info,
            information_fraction = t, z_cumulative = z, alpha_spent = a_sp, alpha_boundary = b,
            crossed = length(cr) > 0, crossed_at = if (length(cr)) cr[1] else 0)
  if (fut) {
    theta <- qnorm(1 - opts$alpha / 2) + qnorm(power)
    b_sp <- spend_beta(spending, 1 - power, t)
    f <- futility(t, b, b_sp, theta)
    fc <- which(f > 0 & abs(z) < f)
    e$futility_boundary <- f; e$beta_spent <- b_sp
    e$futility_crossed <- length(fc) > 0; e$futility_crossed_at <- if (length(fc)) fc[1] else 0
  }
  opts$spending <- if (spending == "obf") "lan_demets_obf" else "lan_demets_pocock"
  opts$futility <- if (fut) "obf_beta_spending" else "none"
  if (fut && spending == "pocock") opts$futility <- "pocock_beta_spending"
  case <- list(id = id, title = title, reference = paste0(ref, ": ", "information size, D2, spending and boundaries by the formulas ",
               "and the recursive numerical integration of validation/r/make_tsa_cases.R (Simpson grid of 4001 points per look, ",
               "uniroot tol 1e-13); z-curve from metafor"), analysis = "tsa", data = data, options = opts, expected = e,
               tolerance = list(relative = 1e-5, absolute = 1e-8))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "\n")
}

# lidocaine (dat.hine1989): binary, Mantel-Haenszel z-curve, Pocock-type alpha and beta spending
h <- dat.hine1989
hd <- data.frame(study = h$source, events_treat = h$ai, total_treat = h$n1i, events_ctrl = h$ci, total_ctrl = h$n2i)
es <- escalc("RR", ai = h$ai, n1i = h$n1i, ci = h$ci, n2i = h$n2i)
pc <- 0.07; rrr <- 0.5; pw <- 0.9; pi <- pc * (1 - rrr); pb <- (pc + pi) / 2
ris_b <- 4 * (qnorm(0.975) + qnorm(pw))^2 * pb * (1 - pb) / (pc - pi)^2
tsa_case("tsa_hine_rr_mh_pocock_futility", "Lidocaine after MI: Mantel-Haenszel z-curve, Pocock-type alpha and beta spending, futility",
         hd, es$yi, es$vi, function(j) rma.mh(ai = h$ai[1:j], n1i = h$n1i[1:j], ci = h$ci[1:j], n2i = h$n2i[1:j], measure = "RR")$zval,
         h$n1i + h$n2i, ris_b, list(measure = "RR", model = "fixed", control_event_proportion = pc, relative_risk_reduction = rrr,
         alpha = 0.05, power = pw, heterogeneity_correction = "none", continuity = list(add = 0.5, to = "only0")), "pocock", TRUE, pw)

# stroke units (dat.normand1999): continuous, mean difference of length of stay, inverse-variance and DL z-curves
d <- dat.normand1999
nd <- data.frame(study = d$source, mean_treat = d$m1i, sd_treat = d$sd1i, n_treat = d$n1i, mean_ctrl = d$m2i, sd_ctrl = d$sd2i, n_ctrl = d$n2i)
es <- escalc("MD", m1i = d$m1i, sd1i = d$sd1i, n1i = d$n1i, m2i = d$m2i, sd2i = d$sd2i, n2i = d$n2i)
delta <- -10; s <- 40; pw <- 0.8
ris_c <- 4 * (qnorm(0.975) + qnorm(pw))^2 * s^2 / delta^2
for (model in c("fixed", "random")) {
  tsa_case(paste0("tsa_normand_md_", if (model == "fixed") "iv" else "dl", "_d2"),
           sprintf("Stroke units: length of stay, mean difference, %s z-curve, D2-adjusted information size (delta -10 days, SD 40)",
                   if (model == "fixed") "inverse-variance" else "DerSimonian-Laird"),
           nd, es$yi, es$vi, function(j) rma(es$yi[1:j], es$vi[1:j], method = if (model == "fixed") "FE" else "DL")$zval,
           d$n1i + d$n2i, ris_c, list(measure = "MD", model = model, outcome = "continuous", mean_difference = delta, sd = s,
           alpha = 0.05, power = pw, heterogeneity_correction = "D2"), "obf", model == "fixed", pw)
}

# the mRS shift of tabulated distributions (the bundled mrs_sim table): each trial's log common odds ratio from
# clm(y ~ treatment, weights = count) (above 0: better outcomes with treatment), Whitehead's information size
# 12 (z_{1-a/2} + z_{1-b})^2 / ((log cOR)^2 (1 - sum pbar^3)), pbar the mean of the pooled control distribution and the
# distribution the anticipated cOR implies (Whitehead 1993, Stat Med 12:2257-71), D2 from the trials' estimates
suppressMessages(library(ordinal))
mrs <- read.csv("strokemeta-core/src/main/resources/org/strokemeta/examples/mrs_sim.csv", check.names = FALSE)
cats <- paste0("mrs", 0:6)
trials <- unique(mrs$study)
yi <- numeric(0); vi <- numeric(0); n <- numeric(0)
for (s in trials) {
  rows <- mrs[mrs$study == s, ]
  long <- do.call(rbind, lapply(seq_len(nrow(rows)), function(i) data.frame(treatment = as.integer(rows$arm[i] == "treatment"),
                                                                           y = 0:6, count = unlist(rows[i, cats]))))
  long <- long[long$count > 0, ]; long$y <- factor(long$y, levels = sort(unique(long$y)), ordered = TRUE)
  f <- clm(y ~ treatment, weights = count, data = long, control = clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500))
  yi <- c(yi, -unname(coef(f)["treatment"])); vi <- c(vi, vcov(f)["treatment", "treatment"]); n <- c(n, sum(rows[, cats]))
}
pc <- colSums(mrs[mrs$arm == "control", cats]); pc <- pc / sum(pc)
cor <- 1.5; pw <- 0.8
cc <- cumsum(pc)[1:6]; ct <- cor * cc / (1 - cc) / (1 + cor * cc / (1 - cc)); pt <- diff(c(0, ct, 1))
pbar <- (pc + pt) / 2
ris_o <- 12 * (qnorm(0.975) + qnorm(pw))^2 / (log(cor)^2 * (1 - sum(pbar^3)))
mrsrows <- lapply(seq_len(nrow(mrs)), function(i) as.list(mrs[i, ]))
for (model in c("fixed", "random")) {
  tsa_case(paste0("tsa_mrs_sim_shift_", if (model == "fixed") "iv" else "dl", "_d2"),
           sprintf("Simulated mRS tables (7 trials): the shift, two-stage log common odds ratios, %s z-curve, Whitehead's information size for cOR 1.5 on the pooled control distribution, D2",
                   if (model == "fixed") "inverse-variance" else "DerSimonian-Laird"),
           mrs, yi, vi, function(j) rma(yi[1:j], vi[1:j], method = if (model == "fixed") "FE" else "DL")$zval, n, ris_o,
           list(model = model, outcome = "ordinal", common_odds_ratio = cor, alpha = 0.05, power = pw, heterogeneity_correction = "D2"),
           "obf", model == "random", pw)
}
