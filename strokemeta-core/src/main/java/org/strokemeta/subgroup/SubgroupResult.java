package org.strokemeta.subgroup;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;

/**
 * A subgroup analysis: one pooled result per subgroup, in order of first appearance in the data, and
 * the test for subgroup differences.
 *
 * @param column  the column that defines the subgroups
 * @param options the options of the analysis (a one-study subgroup is pooled as fixed effect, see {@link Group})
 * @param groups  the subgroups, in order of first appearance
 * @param between the test for subgroup differences, or null when there are fewer than two subgroups
 *                or the test cannot be computed (the notes say why)
 * @param notes   studies left out (no subgroup value) and remarks
 * @serial exclude
 */
public record SubgroupResult(String column, MetaOptions options, List<Group> groups, BetweenTest between,
                             List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param column the column that defines the subgroups
     * @param options the options of the analysis (a one-study subgroup is pooled as fixed effect, see {@link Group})
     * @param groups the subgroups, in order of first appearance
     * @param between the test for subgroup differences, or null when there are fewer than two subgroups
     *                       or the test cannot be computed (the notes say why)
     * @param notes studies left out (no subgroup value) and remarks
     */
    public SubgroupResult {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }

    /**
     * The number of studies in all subgroups together.
     *
     * @return the number of studies with a subgroup
     */
    public int k() {
        return groups.stream().mapToInt(g -> g.result().k()).sum();
    }

    /**
     * The subgroup with that label.
     *
     * @param label the subgroup's label
     * @return the subgroup
     * @throws IllegalArgumentException if there is no subgroup of that label
     */
    public Group group(String label) {
        return groups.stream().filter(g -> g.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subgroup " + label));
    }

    /**
     * One subgroup and its pooled result.
     *
     * @param label     the subgroup value
     * @param positions the positions of its studies in the effect sizes
     * @param result    the pooled result of its studies
     * @param single    true when the subgroup has one study and was therefore taken as fixed effect
     * @serial exclude
     */
    public record Group(String label, int[] positions, MetaResult result, boolean single) implements java.io.Serializable {
        /**
         * Copies the positions.
         *
         * @param label the subgroup value
         * @param positions the positions of its studies in the effect sizes
         * @param result the pooled result of its studies
         * @param single true when the subgroup has one study and was therefore taken as fixed effect
         */
        public Group {
            positions = positions.clone();
        }

        /**
         * The {@code positions} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code positions}
         */
        @Override
        public int[] positions() {
            return positions.clone();
        }

        /**
         * Element {@code i} of {@link #positions()}, without a copy.
         *
         * @param i the 0-based position
         * @return {@code positions()[i]}
         */
        public int positions(int i) {
            return positions[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group r
                    && java.util.Objects.equals(label, r.label)
                    && java.util.Arrays.equals(positions, r.positions)
                    && java.util.Objects.equals(result, r.result)
                    && single == r.single;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(label, java.util.Arrays.hashCode(positions), result, single);
        }

        @Override
        public String toString() {
            return "Group[label=" + label + ", positions=" + java.util.Arrays.toString(positions) + ", result="
                    + result + ", single=" + single + "]";
        }

        /**
         * The number of studies in the subgroup.
         *
         * @return the number of studies in {@link #result()}
         */
        public int k() {
            return result.k();
        }
    }
}
