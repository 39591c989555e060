package org.strokemeta.formats;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/**
 * Reads a data file of any format strokemeta knows into the same {@link Table} a CSV file gives, so that every check and
 * every error message (file, row, column, problem) is the same whatever the format.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * Reads a file.
     *
     * @param path the file
     * @param o    how
     * @return the table
     * @throws InputException when the file cannot be read or is not of its format
     */
    public static Table read(Path path, ReadOptions o) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        FileFormat f = format(name, o);
        if (f == FileFormat.CSV) {
            return CsvReader.read(path);
        }
        byte[] bytes = bytes(path);
        if (f == FileFormat.SAS7BDAT) {
            Path catalog = o.catalog() != null ? o.catalog() : catalogBeside(path, name);
            return SasReader.read(name, bytes, catalog == null ? null : catalog.getFileName().toString(), catalog == null ? null : bytes(catalog),
                    o.keepCodes());
        }
        return read(name, bytes, o);
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw InputException.of(path.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** A SAS data set's format catalog found beside it: NAME.sas7bcat, else formats.sas7bcat (PROC FORMAT's default name). */
    private static Path catalogBeside(Path data, String name) {
        Path dir = data.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        String stem = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String c : new String[] {stem + ".sas7bcat", "formats.sas7bcat"}) {
            Path p = dir.resolve(c);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Reads a file's bytes (an upload).
     *
     * @param name  the file's name (its extension chooses the format unless the options name one)
     * @param bytes its contents
     * @param o     how
     * @return the table
     * @throws InputException when the bytes are not a file of the format
     */
    public static Table read(String name, byte[] bytes, ReadOptions o) {
        FileFormat f = format(name, o);
        return switch (f) {
            case CSV -> CsvReader.parse(name, bytes);
            case XLSX -> XlsxReader.read(name, bytes, o.sheet());
            case SAS7BDAT -> o.catalog() == null ? SasReader.read(name, bytes, null, null, o.keepCodes())
                    : SasReader.read(name, bytes, o.catalog().getFileName().toString(), bytes(o.catalog()), o.keepCodes());
            case XPT -> XptReader.read(name, bytes);
            case DTA -> DtaReader.read(name, bytes, o.keepCodes());
            case SAV -> SavReader.read(name, bytes, o.keepCodes());
            case PARQUET -> ParquetReader.read(name, bytes);
            case RM5, CDP -> RevMan.outcome(f == FileFormat.CDP && !name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name + ".zip" : name,
                    bytes, o.outcome()).table();
        };
    }

    private static FileFormat format(String name, ReadOptions o) {
        if (o.format() != null) {
            return o.format();
        }
        try {
            return FileFormat.of(name);
        } catch (IllegalArgumentException e) {
            throw InputException.of(name, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }

    /** A number as text that reads back as the same double: integers without a decimal point, no exponent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
