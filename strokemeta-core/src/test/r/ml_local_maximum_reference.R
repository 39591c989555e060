# ML with a likelihood that has a local maximum away from tau² = 0 and a lower value there than at 0:
# metafor sets tau² to 0 ("Fisher scoring algorithm may have gotten stuck at a local maximum").
# Data: the smallest failing case of a property test (jqwik seed -1952759178105601030).
# R 4.2.2, metafor 3.8.1.
suppressMessages(library(metafor))
y <- c(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.551161, -0.268323, 0)
v <- c(0.005012, 0.005046, 0.005086, 0.005088, 0.005134, 0.006344, 0.026424, 0.011935, 0.037039, 1.996152,
       0.156976, 0.005002, 0.005455)
r <- rma(y, v, method = "ML")
print(c(tau2 = r$tau2, beta = as.numeric(r$beta), se = r$se), digits = 15)
# tau2 0, beta -0.0222301416554011, se 0.0243829510499572 (with the warning above)
