# Seven trials' patient data in seven codings, for the harmonisation test (strokemeta harmonise, docs/harmonisation.md):
# 20 patients (10 per arm) of each trial of the bundled simulated HERMES-like cohort, each trial saved by other software (haven,
# openxlsx, write.csv) in its own format, column names and codes, with two deliberate errors the report must list
# (an age of 150 in PISTE, an occlusion site 'M3' in EXTEND-IA). mapping.yaml (written by hand beside them) maps them
# back; expected.csv is the cohort's own rows, which the harmonised file must equal except for the two blanked cells.
# Usage: Rscript validation/r/make_harmonise_files.R   (from the project folder)
suppressMessages({library(haven); library(openxlsx)})
out <- "strokemeta-core/src/test/resources/org/strokemeta/data/harmonise"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
h <- read.csv("strokemeta-core/src/main/resources/org/strokemeta/examples/hermes_sim.csv", stringsAsFactors = FALSE, na.strings = "")
h <- h[, c("trial", "patient_id", "arm", "age", "sex", "nihss", "onset_to_randomisation", "occlusion_site", "m2_division", "mrs90", "death90")]
trials <- c("MR CLEAN", "ESCAPE", "REVASCAT", "SWIFT PRIME", "EXTEND-IA", "THRACE", "PISTE")
s <- do.call(rbind, lapply(trials, function(t) rbind(head(h[h$trial == t & h$arm == "evt", ], 10), head(h[h$trial == t & h$arm == "control", ], 10))))
rownames(s) <- NULL
expected <- s
expected$age[expected$trial == "PISTE"][3] <- NA              # 150 in the file: out of range, blank
expected$occlusion_site[expected$trial == "EXTEND-IA"][2] <- NA   # 'M3' in the file: not a code, blank
write.csv(expected, file.path(out, "expected.csv"), row.names = FALSE, na = "")
part <- function(t) s[s$trial == t, setdiff(names(s), "trial")]

# MR CLEAN: Stata, arm and sex as labelled numbers, onset in hours, M2 with its division in one column
d <- part("MR CLEAN")
site <- ifelse(d$occlusion_site == "M2", paste0("M2-", ifelse(d$m2_division == "anterior", "sup", "inf")), d$occlusion_site)
site[is.na(d$occlusion_site)] <- NA
mr <- data.frame(pid = d$patient_id, rand = labelled(ifelse(d$arm == "evt", 1, 0), c(MT = 1, control = 0)),
                 age = d$age, gender = labelled(ifelse(d$sex == "male", 1, 2), c(man = 1, woman = 2)), nihss = d$nihss,
                 otr_h = d$onset_to_randomisation / 60, occl = site, mrs_d90 = d$mrs90, dead = d$death90)
write_dta(mr, file.path(out, "mrclean.dta"), version = 14)
# ESCAPE: SPSS, sex M/F, mRS as text 'mRS n', arm EVT/BMM
d <- part("ESCAPE")
es <- data.frame(id = d$patient_id, group = ifelse(d$arm == "evt", "EVT", "BMM"), age = d$age, sex = ifelse(d$sex == "male", "M", "F"),
                 nihss = d$nihss, otr = d$onset_to_randomisation, site = d$occlusion_site, division = d$m2_division,
                 mrs90 = paste("mRS", d$mrs90), death = d$death90)
write_sav(es, file.path(out, "escape.sav"))
# REVASCAT: Excel, other column names, arm intervention/control, deaths yes/no
d <- part("REVASCAT")
rv <- data.frame(Patient = d$patient_id, Allocation = ifelse(d$arm == "evt", "intervention", "control"), Age = d$age, Gender = d$sex,
                 NIHSS = d$nihss, OTR = d$onset_to_randomisation, Vessel = d$occlusion_site, M2_trunk = d$m2_division,
                 mRS_3m = d$mrs90, Died = ifelse(d$death90 == 1, "yes", "no"))
wb <- createWorkbook(); addWorksheet(wb, "data"); writeData(wb, "data", rv); saveWorkbook(wb, file.path(out, "revascat.xlsx"), overwrite = TRUE)
# SWIFT PRIME: SAS transport, 8-character names, sex 1/2 without labels
d <- part("SWIFT PRIME")
sp <- data.frame(SUBJID = d$patient_id, TRT = ifelse(d$arm == "evt", "SR", "IVT"), AGE = d$age, SEX = ifelse(d$sex == "male", 1, 2),
                 NIHSS = d$nihss, OTR = d$onset_to_randomisation, OCCL = d$occlusion_site, M2DIV = d$m2_division, MRS90 = d$mrs90,
                 DTH = d$death90)
write_xpt(sp, file.path(out, "swiftprm.xpt"), version = 5, name = "SWIFTPRM")
# EXTEND-IA: CSV, occlusion 'ICA-T', 'MCA-M1'; one 'M3' (an error)
d <- part("EXTEND-IA")
occ <- ifelse(d$occlusion_site == "ICA", "ICA-T", ifelse(d$occlusion_site == "M1", "MCA-M1", d$occlusion_site))
occ[2] <- "M3"
ex <- data.frame(patient_id = d$patient_id, arm = d$arm, age = d$age, sex = d$sex, nihss = d$nihss, onset_to_randomisation = d$onset_to_randomisation,
                 occlusion_site = occ, m2_division = d$m2_division, mrs90 = d$mrs90, death90 = d$death90)
write.csv(ex, file.path(out, "extendia.csv"), row.names = FALSE, na = "")
# THRACE: semicolon CSV with French codes
d <- part("THRACE")
th <- data.frame(patient = d$patient_id, bras = ifelse(d$arm == "evt", "thrombectomie", "controle"), age = d$age,
                 sexe = ifelse(d$sex == "male", "H", "F"), nihss = d$nihss, delai = d$onset_to_randomisation, occlusion = d$occlusion_site,
                 division = d$m2_division, mrs = d$mrs90, deces = d$death90)
write.table(th, file.path(out, "thrace.csv"), sep = ";", row.names = FALSE, na = "", quote = TRUE)
# PISTE: Stata 13, one age of 150 (an error)
d <- part("PISTE")
d$age[3] <- 150
pi <- data.frame(patient_id = d$patient_id, arm = d$arm, age = d$age, sex = d$sex, nihss = d$nihss, otr = d$onset_to_randomisation,
                 occlusion_site = d$occlusion_site, m2_division = d$m2_division, mrs90 = d$mrs90, death90 = d$death90)
write_dta(pi, file.path(out, "piste.dta"), version = 13)
cat("written to", out, "\n")
