# A fixed-effect meta-regression with as many studies as coefficients (saturated: QE on 0 df), which
# metafor fits; two double-zero studies with the 0.5 correction of escalc. R 4.2.2, metafor 3.8.1.
suppressMessages(library(metafor))
d <- data.frame(ai = c(0, 0), n1i = c(20, 30), ci = c(0, 0), n2i = c(25, 31), x = c(1, 2))
e <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d)
r <- rma(yi, vi, mods = ~ x, data = e, method = "FE")
print(cbind(b = r$beta[, 1], se = r$se), digits = 15)
print(c(QM = r$QM, QE = r$QE, QEdf = r$k - r$p), digits = 15)
p <- permutest(r, exact = TRUE)
print(p$QMp, digits = 15)
