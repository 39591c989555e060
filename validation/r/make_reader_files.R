# Test files for strokemeta's readers of other formats, written by independent software: R's haven 2.5.1 (ReadStat)
# writes Stata 14 .dta (format 118), Stata 13 .dta (117), SPSS .sav and SAS transport v5 .xpt; openxlsx writes .xlsx.
# Each file holds the same small patient-level table (with value labels in .dta and .sav, missing values, a long text),
# and reference.csv holds it as text, the value labels decoded: the readers' tests compare every cell with it.
# The .sas7bdat test file is haven's own example (haven/examples/iris.sas7bdat, MIT licence; the iris data are in the
# public domain), copied with its reference iris.csv written from R's datasets::iris.
# Usage: Rscript validation/r/make_reader_files.R   (from the project folder)
suppressMessages({library(haven); library(openxlsx)})
out <- "strokemeta-core/src/test/resources/org/strokemeta/data/readers"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

d <- data.frame(
  trial = c("MR CLEAN", "MR CLEAN", "ESCAPE", "ESCAPE", "REVASCAT", "REVASCAT", "SWIFT PRIME", "EXTEND-IA"),
  patient = 1:8,
  arm = c(1, 0, 1, 0, 1, 0, 1, 0),
  age = c(67.5, 71.25, NA, 58, 80.125, 62, 74.5, 69),
  sex = c(1, 2, 2, 1, NA, 1, 2, 1),
  nihss = c(17L, 14L, 22L, NA, 19L, 11L, 16L, 20L),
  occlusion_site = c("M1", "ICA", "M2", "M1", "", "M1", "M2 superior division, proximal", "ICA"),
  mrs90 = c(2L, 4L, 1L, 6L, 3L, 5L, 0L, 2L),
  stringsAsFactors = FALSE)
lab <- d
lab$arm <- labelled(d$arm, c(control = 0, thrombectomy = 1))
lab$sex <- labelled(d$sex, c(male = 1, female = 2))
attr(lab$age, "label") <- "Age at randomisation (years)"
write_dta(lab, file.path(out, "patients118.dta"), version = 14)
write_dta(lab, file.path(out, "patients117.dta"), version = 13)
write_sav(lab, file.path(out, "patients.sav"))
write_sav(lab, file.path(out, "patients.zsav"), compress = TRUE)
xp <- d; names(xp) <- c("TRIAL", "PATIENT", "ARM", "AGE", "SEX", "NIHSS", "OCCSITE", "MRS90")   # SAS v5 names: 8 characters
write_xpt(xp, file.path(out, "patients.xpt"), version = 5)
ref <- d
ref$arm <- ifelse(d$arm == 1, "thrombectomy", "control")
ref$sex <- ifelse(is.na(d$sex), NA, ifelse(d$sex == 1, "male", "female"))
write.csv(ref, file.path(out, "reference.csv"), row.names = FALSE, na = "")
write.csv(d, file.path(out, "reference_codes.csv"), row.names = FALSE, na = "")
# Excel: a title row above the header on the sheet "patients", a second sheet
wb <- createWorkbook()
addWorksheet(wb, "notes"); writeData(wb, "notes", data.frame(note = "trial data, sheet 2"))
addWorksheet(wb, "patients"); writeData(wb, "patients", d)
saveWorkbook(wb, file.path(out, "patients.xlsx"), overwrite = TRUE)
file.copy(system.file("examples", "iris.sas7bdat", package = "haven"), file.path(out, "iris.sas7bdat"), overwrite = TRUE)
write.csv(read_sas(file.path(out, "iris.sas7bdat")), file.path(out, "iris.csv"), row.names = FALSE)
# SPSS very long strings (over 255 bytes, stored as 252-byte segments), including a two-byte character across a
# segment's end: written by haven in .sav and .zsav; the reference CSV is haven's reading (trailing blanks dropped, as SPSS does)
long <- c(paste(rep("Occlusion of the M2 segment, superior division; ", 12), collapse = ""), "short",
          paste0(strrep("x", 251), "\u00e9", strrep("y", 300)))
dl <- data.frame(id = 1:3, note = long, after = c(1.5, 2, NA), stringsAsFactors = FALSE)
write_sav(dl, file.path(out, "long_strings.sav")); write_sav(dl, file.path(out, "long_strings.zsav"), compress = "zsav")
write.csv(as.data.frame(read_sav(file.path(out, "long_strings.sav"))), file.path(out, "long_strings.csv"), row.names = FALSE, na = "",
          fileEncoding = "UTF-8")

# A SAS data set with user-defined formats and their catalog, both written by SAS: haven's test files
# tests/testthat/sas/hadley.sas7bdat and formats.sas7bcat (github.com/tidyverse/haven, MIT licence). The reference
# CSVs are haven's (ReadStat's) reading of them: the labels decoded, and the codes kept.
# (Copy the two files, and tagged-na.sas7bdat/.sas7bcat, from a haven source tree into readers/sas first; the installed
# package does not ship them.)
sas <- file.path(out, "sas")
if (file.exists(file.path(sas, "formats.sas7bcat"))) {
  h <- read_sas(file.path(sas, "hadley.sas7bdat"), file.path(sas, "formats.sas7bcat"))
  write.csv(as.data.frame(lapply(h, function(x) if (is.labelled(x)) as.character(as_factor(x, levels = "labels")) else x)),
            file.path(sas, "hadley_labels.csv"), row.names = FALSE, na = "")
  write.csv(as.data.frame(zap_labels(h)), file.path(sas, "hadley_codes.csv"), row.names = FALSE, na = "")
}
cat("written to", out, "\n")

# whole analyses from other formats: the BCG trials as an Excel workbook (openxlsx) and the bundled simulated HERMES-like
# cohort as a Stata 14 file (haven), each beside the CSV the command line reads
ex <- "strokemeta-core/src/main/resources/org/strokemeta/examples"
bcg <- read.csv(file.path(ex, "bcg.csv"), check.names = FALSE)
wb <- createWorkbook(); addWorksheet(wb, "bcg"); writeData(wb, "bcg", bcg); saveWorkbook(wb, file.path(out, "bcg.xlsx"), overwrite = TRUE)
hermes <- read.csv(file.path(ex, "hermes_sim.csv"), check.names = FALSE, stringsAsFactors = FALSE)
write_dta(hermes, file.path(out, "hermes_sim.dta"), version = 14)
