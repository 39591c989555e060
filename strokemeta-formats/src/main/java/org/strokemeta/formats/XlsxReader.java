package org.strokemeta.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * One sheet of an Excel workbook (Apache POI): the first non-empty row is the header, the rows below it the data, each
 * known by its row number in the sheet. Numbers become their shortest exact text, dates ISO 8601 (yyyy-MM-dd, with the
 * time when it is not midnight), formulas their cached results; a cell holding an error (#DIV/0!, #N/A, ...) is an
 * input error naming its row and column. Empty rows inside the data are reported and left out.
 */
final class XlsxReader {
    private XlsxReader() {
    }

    static {
        // POI logs through Log4j 2's API: without an implementation it would warn on the terminal
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        // a workbook's parts unpacked: at most 256 MB each, and no part more than 100 times smaller packed than unpacked
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
    }

    static Table read(String name, byte[] bytes, String sheetChoice) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = sheet(wb, name, sheetChoice);
            String source = name + " [" + sheet.getSheetName() + "]";
            List<Note> notes = new ArrayList<>();
            if (wb.getNumberOfSheets() > 1) {
                notes.add(new Note(0, null, Note.Kind.INFO, "read the sheet '" + sheet.getSheetName() + "' of " + wb.getNumberOfSheets()
                        + " (--sheet chooses another)"));
            }
            int first = sheet.getFirstRowNum();
            int last = sheet.getLastRowNum();
            Row head = null;
            int r = first;
            for (; r <= last && r >= 0; r++) {
                Row row = sheet.getRow(r);
                if (row != null && !blank(row)) {
                    head = row;
                    break;
                }
            }
            if (head == null) {
                throw InputException.of(source, "the sheet is empty");
            }
            int headerRow = r;
            int nc = head.getLastCellNum();
            List<String> header = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                header.add(text(head.getCell(c), source, headerRow + 1, "header"));
            }
            // columns without a name at the right end are not data
            while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
                header.remove(header.size() - 1);
            }
            nc = header.size();
            List<List<String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<Integer> empty = new ArrayList<>();
            for (r = headerRow + 1; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row)) {
                    empty.add(r + 1);
                    continue;
                }
                List<String> cells = new ArrayList<>(nc);
                for (int c = 0; c < nc; c++) {
                    cells.add(text(row.getCell(c), source, r + 1, header.get(c)));
                }
                for (int c = nc; c < row.getLastCellNum(); c++) {
                    String extra = text(row.getCell(c), source, r + 1, "beyond the header");
                    if (!extra.isBlank()) {
                        throw new InputException(source, r + 1, null, "a value in column " + (c + 1) + ", right of the last named column: "
                                + "name the column or clear the cell");
                    }
                }
                rows.add(cells);
                lines.add(r + 1);
            }
            // empty rows after the last data row are the sheet's end; inside the data they are said
            int lastData = lines.isEmpty() ? headerRow + 1 : lines.get(lines.size() - 1);
            List<Integer> inside = empty.stream().filter(x -> x < lastData).toList();
            if (!inside.isEmpty()) {
                notes.add(new Note(inside.get(0), null, Note.Kind.INFO, "empty rows left out: " + inside));
            }
            return Table.ofRows(source, header, rows, lines.stream().mapToInt(Integer::intValue).toArray(), notes);
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
            throw InputException.of(name, "is not an Excel workbook (.xlsx) that can be read: " + e.getMessage());
        }
    }

    private static Sheet sheet(Workbook wb, String name, String choice) {
        if (choice == null || choice.isBlank()) {
            return wb.getSheetAt(0);
        }
        Sheet s = wb.getSheet(choice.trim());
        if (s != null) {
            return s;
        }
        try {
            int i = Integer.parseInt(choice.trim());
            if (i >= 1 && i <= wb.getNumberOfSheets()) {
                return wb.getSheetAt(i - 1);
            }
        } catch (NumberFormatException e) {
            // a name that is not there
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        throw InputException.of(name, "there is no sheet '" + choice + "' (sheets: " + String.join(", ", names) + ")");
    }

    private static boolean blank(Row row) {
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell c, String source, int row, String column) {
        if (c == null) {
            return "";
        }
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case STRING -> c.getStringCellValue().trim();
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC -> {
                double v = c.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(c)) {
                    var dt = c.getLocalDateTimeCellValue();
                    yield dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.toString();
                }
                yield DataFiles.number(v);
            }
            case ERROR -> throw new InputException(source, row, column, "the cell holds the error " + FormulaError.forInt(c.getErrorCellValue())
                    .getString());
            default -> "";
        };
    }
}
