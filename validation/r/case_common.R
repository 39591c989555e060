# What the R scripts that make strokemeta's own reference cases share: the packages, the output folder
# (first argument, default validation/extra), the reference line and the case writer.
# Sourced by the make_*_cases.R scripts (run from the project folder).
suppressMessages(library(metafor))
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
ref <- sprintf("R %s, metafor %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("metafor"))

# writes one case file; `...` are further toJSON options (matrix = "rowmajor", na = "null")
write_case_file <- function(id, title, call, analysis, data, options, expected, tol = list(relative = 1e-6, absolute = 1e-9), ...) {
  case <- list(id = id, title = title, reference = paste0(ref, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected, tolerance = tol)
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", ...), file.path(outdir, paste0(id, ".json")))
  cat(id, "\n")
}

