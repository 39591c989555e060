package org.strokemeta.formats;

/**
 * How a data file is read.
 *
 * @param format    the format, or null to go by the file name's extension
 * @param sheet     an Excel workbook's sheet: its name, or its position from 1; null for the first sheet
 * @param keepCodes true to keep the codes of labelled values (Stata and SPSS value labels) instead of their labels
 * @param outcome   a RevMan review's outcome, comparison.outcome ("1.2"); null lists them in the error
 */
public record ReadOptions(FileFormat format, String sheet, boolean keepCodes, String outcome) {
    /**
     * By extension, the first sheet, value labels decoded.
     *
     * @return the options
     */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, false, null);
    }

    /**
     * A copy with another format.
     *
     * @param f the format, or null for the extension's
     * @return a copy
     */
    public ReadOptions withFormat(FileFormat f) {
        return new ReadOptions(f, sheet, keepCodes, outcome);
    }

    /**
     * A copy with another sheet.
     *
     * @param s the sheet's name or position from 1, or null for the first
     * @return a copy
     */
    public ReadOptions withSheet(String s) {
        return new ReadOptions(format, s, keepCodes, outcome);
    }

    /**
     * A copy that keeps or decodes value labels.
     *
     * @param k true to keep the codes
     * @return a copy
     */
    public ReadOptions withKeepCodes(boolean k) {
        return new ReadOptions(format, sheet, k, outcome);
    }

    /**
     * A copy with a RevMan review's outcome.
     *
     * @param id comparison.outcome ("1.2"), or null
     * @return a copy
     */
    public ReadOptions withOutcome(String id) {
        return new ReadOptions(format, sheet, keepCodes, id);
    }
}
