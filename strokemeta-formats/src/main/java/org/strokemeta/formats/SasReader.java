package org.strokemeta.formats;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * A SAS data set (.sas7bdat) read with Parso: numbers as their shortest exact text, SAS dates and datetimes ISO 8601,
 * missing values (., .A-.Z, ._) blank. Rows are the data set's observation numbers. With a format catalog
 * ({@link SasCatalog}), the codes of columns with a user-defined format are replaced by the format's labels; without
 * one, the columns carrying such formats are named in a note.
 */
final class SasReader {
    private SasReader() {
    }

    static Table read(String name, byte[] bytes) {
        return read(name, bytes, null, null, false);
    }

    /**
     * Reads a data set, decoding codes by a format catalog.
     *
     * @param name        the data set's file name
     * @param bytes       its contents
     * @param catalogName the catalog's file name, or null for none
     * @param catalog     the catalog's contents, or null
     * @param keepCodes   true to keep the codes
     * @return the table
     */
    static Table read(String name, byte[] bytes, String catalogName, byte[] catalog, boolean keepCodes) {
        Map<String, Map<String, String>> formats = catalog == null ? Map.of() : SasCatalog.read(catalogName, catalog);
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        try {
            SasFileReader r = new SasFileReaderImpl(new ByteArrayInputStream(bytes));
            List<Column> cols = r.getColumns();
            if (cols == null || cols.isEmpty()) {
                throw InputException.of(name, "is not a SAS data set with columns");
            }
            String[] format = new String[cols.size()];
            List<String> decoded = new ArrayList<>();
            List<String> undecoded = new ArrayList<>();
            for (int j = 0; j < cols.size(); j++) {
                Column c = cols.get(j);
                header.add(c.getName());
                String f = c.getFormat() == null || c.getFormat().getName() == null ? "" : c.getFormat().getName().trim().toUpperCase(Locale.ROOT);
                Map<String, String> labels = formats.get(f);
                if (labels != null && labels.isEmpty()) {
                    notes.add(new Note(0, null, Note.Kind.INFO, "column " + c.getName() + ": the catalog's format " + f
                            + " labels only special missing values (.A-.Z), which are read as missing"));
                } else if (labels != null && !keepCodes) {
                    format[j] = f;
                    decoded.add(c.getName() + " (format " + f + ": " + labels.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                            .collect(Collectors.joining(", ")) + ")");
                } else if (labels == null && !f.isEmpty() && !SasCatalog.builtIn(f)) {
                    undecoded.add(c.getName() + " (" + f + ")");
                }
            }
            if (!decoded.isEmpty()) {
                notes.add(new Note(0, null, Note.Kind.INFO, "codes replaced by the labels of the SAS format catalog " + catalogName + ": "
                        + String.join("; ", decoded) + " (--keep-codes keeps the codes)"));
            }
            if (!undecoded.isEmpty()) {
                notes.add(new Note(0, null, Note.Kind.INFO, "column" + (undecoded.size() == 1 ? " " : "s ") + String.join(", ", undecoded)
                        + (undecoded.size() == 1 ? " carries a" : " carry") + " user-defined SAS format" + (undecoded.size() == 1 ? "" : "s")
                        + (catalog == null ? " whose labels are in a format catalog: give it (--sas-catalog formats.sas7bcat) to decode the codes"
                        : " that the catalog " + catalogName + " does not define: the codes are kept")));
            }
            long n = r.getSasFileProperties().getRowCount();
            for (long i = 0; i < n; i++) {
                Object[] row = r.readNext();
                if (row == null) {
                    throw new InputException(name, (int) Math.min(Integer.MAX_VALUE, i + 1), null, "the data set ends after " + i + " of its "
                            + n + " observations");
                }
                List<String> cells = new ArrayList<>(row.length);
                for (int j = 0; j < row.length; j++) {
                    String cell = text(row[j]);
                    if (format[j] != null && !cell.isEmpty()) {
                        cell = formats.get(format[j]).getOrDefault(cell, cell);
                    }
                    cells.add(cell);
                }
                rows.add(cells);
            }
            String encoding = r.getSasFileProperties().getEncoding();
            if (encoding != null && !encoding.isBlank()) {
                notes.add(new Note(0, null, Note.Kind.INFO, "SAS data set " + r.getSasFileProperties().getName() + ", text encoding " + encoding));
            }
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw InputException.of(name, "is not a SAS data set (.sas7bdat) that can be read: " + e.getMessage());
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return Table.ofRows(name, header, rows, lines, notes);
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number x) {
            double d = x.doubleValue();
            return Double.isNaN(d) ? "" : DataFiles.number(d);
        }
        if (v instanceof java.util.Date d) {
            var t = d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDateTime();
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        return v.toString().trim();
    }
}
