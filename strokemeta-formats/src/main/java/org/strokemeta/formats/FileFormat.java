package org.strokemeta.formats;

import java.util.Locale;

/** The file formats strokemeta reads: chosen by the file name's extension or named by the user. */
public enum FileFormat {
    /** Comma- (or semicolon-) separated text, strokemeta's own format ({@link org.strokemeta.data.CsvReader}). */
    CSV,
    /** An Excel workbook (.xlsx, .xlsm; Office Open XML), read with Apache POI: one sheet. */
    XLSX,
    /** A SAS data set (.sas7bdat), read with Parso. */
    SAS7BDAT,
    /** A SAS transport file, version 5 (.xpt; the FDA's submission format): its first member. */
    XPT,
    /** A Stata data set of Stata 13 or later (.dta; formats 117, 118 and 119). */
    DTA,
    /** An SPSS system file (.sav; .zsav compressed with zlib). */
    SAV,
    /** A Cochrane review saved by RevMan 5 (.rm5): one of its outcomes ({@link RevMan}). */
    RM5,
    /** A Cochrane data package exported by RevMan Web (.zip): one of its analyses ({@link RevMan#readPackage}). */
    CDP,
    /** A Parquet file of flat columns (.parquet). */
    PARQUET;

    /**
     * The format a file name's extension says, CSV for any other name (.csv, .txt, .tsv or none).
     *
     * @param fileName the name
     * @return the format
     * @throws IllegalArgumentException for a format strokemeta recognises but does not read (an old .xls workbook, an
     *                                  SPSS portable file), naming what to do instead
     */
    public static FileFormat of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx") || n.endsWith(".xlsm")) {
            return XLSX;
        }
        if (n.endsWith(".sas7bdat")) {
            return SAS7BDAT;
        }
        if (n.endsWith(".xpt")) {
            return XPT;
        }
        if (n.endsWith(".dta")) {
            return DTA;
        }
        if (n.endsWith(".xls")) {
            throw new IllegalArgumentException(fileName + ": an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV");
        }
        if (n.endsWith(".sav") || n.endsWith(".zsav")) {
            return SAV;
        }
        if (n.endsWith(".rm5")) {
            return RM5;
        }
        if (n.endsWith(".zip")) {
            return CDP;
        }
        if (n.endsWith(".por")) {
            throw new IllegalArgumentException(fileName + ": an SPSS portable file (.por); save it as .sav in SPSS (or PSPP), or as CSV");
        }
        if (n.endsWith(".parquet")) {
            return PARQUET;
        }
        return CSV;
    }

    /**
     * Reads a format's name as the command line takes it (csv, xlsx, sas7bdat, xpt, dta, sav).
     *
     * @param s the name
     * @return the format
     * @throws IllegalArgumentException for another name
     */
    public static FileFormat parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")) {
            case "csv", "txt", "tsv" -> CSV;
            case "xlsx", "xlsm", "excel" -> XLSX;
            case "sas7bdat", "sas" -> SAS7BDAT;
            case "xpt", "xport" -> XPT;
            case "dta", "stata" -> DTA;
            case "sav", "zsav", "spss" -> SAV;
            case "rm5", "revman" -> RM5;
            case "zip", "cochrane" -> CDP;
            case "parquet" -> PARQUET;
            default -> throw new IllegalArgumentException("unknown input format '" + s + "' (csv, xlsx, sas7bdat, xpt, dta, sav, rm5, zip or "
                    + "parquet)");
        };
    }
}
