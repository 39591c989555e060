package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary outcome of a patient-level analysis, as a value: a good functional outcome (the ordinal
 * outcome at most {@code k}, mRS 0-2 for {@code k = 2}), death (the worst category), or a 0/1 column of
 * the data (symptomatic intracranial haemorrhage, say). Analyses report them as "mRS 0-2", "death (mRS 6)"
 * and the column's name.
 *
 * <p>{@link #parse(String)} reads the text form a user types ({@code 0-2}, {@code death}, a column name);
 * {@link #text()} gives it back.
 */
public sealed interface BinaryEndpoint extends java.io.Serializable
        permits BinaryEndpoint.MrsAtMost, BinaryEndpoint.Death, BinaryEndpoint.Column {

    /**
     * The event "ordinal outcome at most {@code k}": mRS 0-{@code k} on the modified Rankin Scale.
     *
     * @param k the highest category counted as the event (0 or more)
     * @serial exclude
     */
    record MrsAtMost(int k) implements BinaryEndpoint {
        /**
         * Checks the cut-off.
         *
         * @param k the highest category counted as the event
         * @throws IllegalArgumentException when {@code k} is negative
         */
        public MrsAtMost {
            if (k < 0) {
                throw new IllegalArgumentException("k must be 0 or more, not " + k);
            }
        }

        @Override
        public String text() {
            return "0-" + k;
        }
    }

    /** The event "worst category of the outcome": death, mRS 6, on the modified Rankin Scale. */
    record Death() implements BinaryEndpoint {
        @Override
        public String text() {
            return "death";
        }
    }

    /**
     * The event recorded in a 0/1 column of the patient data; patients with no value there are left out
     * of that outcome's analysis.
     *
     * @param name the column's name
     * @serial exclude
     */
    record Column(String name) implements BinaryEndpoint {
        /**
         * Checks and trims the name.
         *
         * @param name the column's name
         * @throws IllegalArgumentException when {@code name} is null or blank
         */
        public Column {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must name a column");
            }
            name = name.trim();
        }

        @Override
        public String text() {
            return name;
        }
    }

    /**
     * The text form of the outcome, which {@link #parse(String)} reads back.
     *
     * @return {@code "0-k"}, {@code "death"} or the column's name
     */
    String text();

    /**
     * The event "ordinal outcome at most {@code k}" (mRS 0-2 for {@code k = 2}, a good functional outcome).
     *
     * @param k the highest category counted as the event (0 or more)
     * @return the outcome
     * @throws IllegalArgumentException when {@code k} is negative
     */
    static BinaryEndpoint mrsAtMost(int k) {
        return new MrsAtMost(k);
    }

    /**
     * The event "worst category": death (mRS 6) on the modified Rankin Scale.
     *
     * @return the outcome
     */
    static BinaryEndpoint death() {
        return new Death();
    }

    /**
     * The event recorded in a 0/1 column of the patient data.
     *
     * @param name the column's name
     * @return the outcome
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    static BinaryEndpoint column(String name) {
        return new Column(name);
    }

    /**
     * Reads an outcome as users write it: {@code 0-K} (K a whole number: mRS 0-K), {@code death} (any
     * case), and anything else as the name of a 0/1 column; spaces around it are ignored. Whether such a
     * column exists is checked by the analysis, which has the data.
     *
     * @param text the outcome as written
     * @return the outcome
     * @throws IllegalArgumentException when {@code text} is null or blank, or {@code 0-K} has a K too large
     */
    static BinaryEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a binary outcome must be 0-K, death or a column name, not blank");
        }
        String s = text.trim();
        if (s.matches("0-\\d+")) {
            try {
                return mrsAtMost(Integer.parseInt(s.substring(2)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the binary outcome '" + s + "' names a category beyond any scale");
            }
        }
        if (s.equalsIgnoreCase("death")) {
            return death();
        }
        return column(s);
    }

    /**
     * Reads a list of outcomes as {@link #parse(String)} does, in order.
     *
     * @param texts the outcomes as written
     * @return the outcomes, an immutable list
     * @throws IllegalArgumentException when one of them is null or blank, or names an impossible category
     */
    static List<BinaryEndpoint> parseAll(List<String> texts) {
        List<BinaryEndpoint> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(parse(t));
        }
        return List.copyOf(out);
    }
}
