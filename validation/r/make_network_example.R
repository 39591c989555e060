# The bundled network example af_stroke_nma: stroke in the trials of antithrombotic treatments for non-valvular atrial
# fibrillation (Dogliotti A, Paolasso E, Giugliano RP. Current and new oral antithrombotics in non-valvular atrial
# fibrillation: a network meta-analysis of 79 808 patients. Heart 2014;100(5):396-405, doi:10.1136/heartjnl-2013-304347),
# arm-level counts as metadat's dat.dogliotti2014 holds them (metadat 1.2-0, GPL-2 | GPL-3).
# Usage: Rscript validation/r/make_network_example.R   (writes strokemeta-core/src/main/resources/org/strokemeta/examples/af_stroke_nma.csv)
suppressMessages(library(metadat))
d <- dat.dogliotti2014
out <- data.frame(study = d$study, treatment = d$treatment, events = d$stroke, total = d$total)
write.csv(out, "strokemeta-core/src/main/resources/org/strokemeta/examples/af_stroke_nma.csv", row.names = FALSE)
cat(nrow(out), "arms of", length(unique(out$study)), "trials\n")
