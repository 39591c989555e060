package org.strokemeta.multivariate;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/** The rows of a table that enter a model: those with every value it needs; each other row is named by its line. */
final class Rows {
    private Rows() {
    }

    /**
     * Checks that the columns exist and keeps the complete rows.
     *
     * @param t       the table
     * @param numbers columns that must hold a number (a blank is missing; text that is no number is an error)
     * @param texts   columns that must not be blank
     * @param needs   what the model needs, for the message of a missing column
     * @param notes   where each row left out is named with its line and missing columns
     * @return the rows kept, in order
     * @throws InputException when a column is missing or a number column holds text
     */
    static List<Integer> complete(Table t, List<String> numbers, List<String> texts, String needs, List<String> notes) {
        for (String c : concat(numbers, texts)) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "there is no column '" + c + "' (" + needs + ")");
            }
        }
        double[][] num = new double[numbers.size()][];
        for (int j = 0; j < num.length; j++) {
            num[j] = t.optionalNumbers(numbers.get(j));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < num.length; j++) {
                if (Double.isNaN(num[j][i])) {
                    missing.add(numbers.get(j));
                }
            }
            for (String c : texts) {
                if (t.isBlank(i, c)) {
                    missing.add(c);
                }
            }
            if (missing.isEmpty()) {
                keep.add(i);
            } else {
                notes.add("line " + t.line(i) + ": left out, " + String.join(", ", missing) + " missing");
            }
        }
        return keep;
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
