package org.strokemeta.formats;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * A SAS data set (.sas7bdat) read with Parso: numbers as their shortest exact text, SAS dates and datetimes ISO 8601,
 * missing values (., .A-.Z, ._) blank. Rows are the data set's observation numbers.
 */
final class SasReader {
    private SasReader() {
    }

    static Table read(String name, byte[] bytes) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        try {
            SasFileReader r = new SasFileReaderImpl(new ByteArrayInputStream(bytes));
            List<Column> cols = r.getColumns();
            if (cols == null || cols.isEmpty()) {
                throw InputException.of(name, "is not a SAS data set with columns");
            }
            for (Column c : cols) {
                header.add(c.getName());
            }
            long n = r.getSasFileProperties().getRowCount();
            for (long i = 0; i < n; i++) {
                Object[] row = r.readNext();
                if (row == null) {
                    throw new InputException(name, (int) Math.min(Integer.MAX_VALUE, i + 1), null, "the data set ends after " + i + " of its "
                            + n + " observations");
                }
                List<String> cells = new ArrayList<>(row.length);
                for (Object v : row) {
                    cells.add(text(v));
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
