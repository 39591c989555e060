package org.strokemeta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example data sets bundled with the product (listed in {@code examples/index.properties}),
 * so that every analysis can be tried without any file of one's own.
 */
public final class Examples {
    private static final String DIR = "org/strokemeta/examples/";

    private Examples() {
    }

    /**
     * One bundled data set.
     *
     * @param name        the name used on the command line
     * @param file        its CSV file
     * @param measure     the measure it is usually analysed with (e.g. "RR"; "GEN" for given estimates), or
     *                    SHIFT for tabulated ordinal outcomes and IPD for patient-level data
     * @param ratio       generic estimates given as ratios with CIs (analysed on the log scale)
     * @param description what it is and where it comes from
     * @serial exclude
     */
    public record Example(String name, String file, String measure, boolean ratio, String description) implements java.io.Serializable {
        /**
         * True for study-level data analysed with an effect measure.
         *
         * @return false for the shift (SHIFT), patient-level (IPD) and network (NMA) examples
         */
        public boolean isAggregate() {
            return !measure.equals("SHIFT") && !measure.equals("IPD") && !measure.equals("NMA");
        }
    }

    /**
     * All bundled examples, in index order.
     *
     * @return the examples by name
     * @throws IllegalStateException if the index is missing from the class path
     */
    public static Map<String, Example> all() {
        Map<String, Example> out = new LinkedHashMap<>();
        try (InputStream in = Examples.class.getResourceAsStream("/" + DIR + "index.properties")) {
            if (in == null) {
                throw new IllegalStateException("the example index is missing from the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String name = line.substring(0, eq).trim();
                String[] parts = line.substring(eq + 1).trim().split("\\|", 3);
                String[] m = parts[1].trim().split(":");
                out.put(name, new Example(name, parts[0].trim(), m[0], m.length > 1 && m[1].equals("ratio"), parts[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The example of that name; an input error listing the names when unknown.
     *
     * @param name the example's name
     * @return the example
     * @throws InputException if there is no example of that name
     */
    public static Example get(String name) {
        Example e = all().get(name);
        if (e == null) {
            throw InputException.of(null, "there is no bundled example '" + name + "' (available: " + String.join(", ", all().keySet()) + ")");
        }
        return e;
    }

    /**
     * Reads an example's table.
     *
     * @param e the example
     * @return its data as a table
     */
    public static Table table(Example e) {
        return CsvReader.parse(e.file(), bytes(e));
    }

    /**
     * An example file's bytes.
     *
     * @param e the example
     * @return the file's bytes
     * @throws IllegalStateException if the file is missing from the class path
     */
    public static byte[] bytes(Example e) {
        try (InputStream in = Examples.class.getResourceAsStream("/" + DIR + e.file())) {
            if (in == null) {
                throw new IllegalStateException("bundled example file " + e.file() + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
