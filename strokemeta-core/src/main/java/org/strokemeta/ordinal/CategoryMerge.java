package org.strokemeta.ordinal;

import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/**
 * Outcome categories {@code from..to} merged into one before fitting, for example mRS 5 and 6
 * (severe disability and death) as in the HERMES pooled analysis (Goyal et al., Lancet 2016), or a
 * sparse category merged with its neighbour. Later categories move down.
 *
 * @param from the first category merged (0 = best)
 * @param to   the last category merged
 * @serial exclude
 */
public record CategoryMerge(int from, int to) implements java.io.Serializable {
    /**
     * Checks the range.
     *
     * @param from the first category merged (0 = best)
     * @param to the last category merged
     * @throws IllegalArgumentException unless 0 &le; from &lt; to
     */
    public CategoryMerge {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("merge categories from..to with 0 <= from < to (got " + from + ".." + to + ")");
        }
    }

    /**
     * mRS 5 and 6 together.
     *
     * @return the merge of categories 5 and 6 (dead counted with severe disability, as HERMES did)
     */
    public static CategoryMerge mrs56() {
        return new CategoryMerge(5, 6);
    }

    /**
     * A category after the merge: unchanged below {@code from}, {@code from} for the merged ones, moved down above
     * {@code to} (as {@link PatientData#mergeCategories}).
     *
     * @param category an outcome category before the merge
     * @return the category after it
     */
    public int category(int category) {
        return category <= from ? category : category <= to ? from : category - (to - from);
    }

    /**
     * The number of categories after the merge.
     *
     * @param source     the data's name, for the message
     * @param categories the number before it
     * @return the number after it
     * @throws InputException if {@code to} is not a category of the outcome
     */
    public int categories(String source, int categories) {
        check(source, categories);
        return categories - (to - from);
    }

    PatientData apply(PatientData d) {
        check(d.source(), d.categories());
        return d.mergeCategories(from, to);
    }

    OrdinalTable apply(OrdinalTable t) {
        check(t.source(), t.categories());
        return t.mergeCategories(from, to);
    }

    private void check(String source, int categories) {
        if (to >= categories) {
            throw InputException.of(source, "cannot merge categories " + from + " to " + to + ": the outcome has categories 0 to "
                    + (categories - 1));
        }
    }
}
