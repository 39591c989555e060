package org.strokemeta.formats;

/**
 * How a data file is read.
 *
 * @param format    the format, or null to go by the file name's extension
 * @param sheet     an Excel workbook's sheet: its name, or its position from 1; null for the first sheet
 * @param keepCodes true to keep the codes of labelled values (Stata and SPSS value labels) instead of their labels
 * @param outcome   a RevMan review's outcome, comparison.outcome ("1.2"); null lists them in the error
 * @param catalog   a SAS format catalog (.sas7bcat) whose labels decode a SAS data set's codes; null to look for one beside the
 *                  data set ({@code NAME.sas7bcat} or {@code formats.sas7bcat}) when reading from a path
 */
public record ReadOptions(FileFormat format, String sheet, boolean keepCodes, String outcome, java.nio.file.Path catalog) {
    /**
     * By extension, the first sheet, value labels decoded.
     *
     * @return the options
     */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, false, null, null);
    }

    /**
     * A copy with another format.
     *
     * @param f the format, or null for the extension's
     * @return a copy
     */
    public ReadOptions withFormat(FileFormat f) {
        return new ReadOptions(f, sheet, keepCodes, outcome, catalog);
    }

    /**
     * A copy with another sheet.
     *
     * @param s the sheet's name or position from 1, or null for the first
     * @return a copy
     */
    public ReadOptions withSheet(String s) {
        return new ReadOptions(format, s, keepCodes, outcome, catalog);
    }

    /**
     * A copy that keeps or decodes value labels.
     *
     * @param k true to keep the codes
     * @return a copy
     */
    public ReadOptions withKeepCodes(boolean k) {
        return new ReadOptions(format, sheet, k, outcome, catalog);
    }

    /**
     * A copy with a RevMan review's outcome.
     *
     * @param id comparison.outcome ("1.2"), or null
     * @return a copy
     */
    public ReadOptions withOutcome(String id) {
        return new ReadOptions(format, sheet, keepCodes, id, catalog);
    }

    /**
     * A copy with a SAS format catalog.
     *
     * @param c the catalog (.sas7bcat), or null to look for one beside the data set
     * @return a copy
     */
    public ReadOptions withCatalog(java.nio.file.Path c) {
        return new ReadOptions(format, sheet, keepCodes, outcome, c);
    }
}
