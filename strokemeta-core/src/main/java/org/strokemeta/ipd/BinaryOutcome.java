package org.strokemeta.ipd;

import org.strokemeta.data.PatientData;

/**
 * A binary patient outcome (an event or not) for the logistic models: a good functional outcome such
 * as mRS 0-2 or 0-1, death, symptomatic intracranial haemorrhage, or any other 0/1 column.
 *
 * @param name  what the event is, for reports ("mRS 0-2", "death")
 * @param event 1 when the patient had the event, 0 otherwise, in the order of the patient data
 * @serial exclude
 */
public record BinaryOutcome(String name, int[] event) implements java.io.Serializable {
    /**
     * Checks the name and the values and copies them.
     *
     * @param name what the event is, for reports ("mRS 0-2", "death")
     * @param event 1 when the patient had the event, 0 otherwise, in the order of the patient data
     * @throws IllegalArgumentException if the name is blank or a value is neither 0 nor 1
     */
    public BinaryOutcome {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the binary outcome needs a name");
        }
        for (int v : event) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("the outcome '" + name + "' must be 0 or 1 for every patient, not " + v);
            }
        }
        event = event.clone();
    }

    /**
     * The event {@code outcome <= cutoff}: mRS 0-2 for a cut-off of 2 (a good outcome).
     *
     * @param d      the patients
     * @param cutoff the highest category counted as the event
     * @return the outcome, named "mRS 0-cutoff"
     */
    public static BinaryOutcome atMost(PatientData d, int cutoff) {
        int[] event = d.eventAtMost(cutoff);
        return new BinaryOutcome(name(new BinaryEndpoint.MrsAtMost(cutoff), d.categories()), event);
    }

    /**
     * The name an outcome of mRS 0-K or death takes in the results ("mRS 0-2", "death (mRS 6)"), or a 0/1 column's name.
     *
     * @param e          the outcome
     * @param categories the number of outcome categories (before any merge)
     * @return the name
     * @throws IllegalArgumentException if the cut-off of mRS 0-K is not between 0 and categories − 2
     */
    public static String name(BinaryEndpoint e, int categories) {
        if (e instanceof BinaryEndpoint.MrsAtMost m) {
            if (m.k() >= categories - 1) {
                throw new IllegalArgumentException("the cut-off must lie between 0 and " + (categories - 2));
            }
            return "mRS 0-" + m.k();
        }
        if (e instanceof BinaryEndpoint.Death) {
            return worseName(categories - 1, categories);
        }
        return ((BinaryEndpoint.Column) e).name();
    }

    /** The name of "level or worse": death on the mRS. */
    private static String worseName(int level, int categories) {
        return level == categories - 1 && categories == 7 ? "death (mRS 6)" : "outcome " + level + " or worse";
    }

    /**
     * The event {@code outcome >= level}: death for level 6 on the mRS.
     *
     * @param d     the patients
     * @param level the lowest category counted as the event, 1 to {@code categories − 1}
     * @return the outcome
     * @throws IllegalArgumentException if the level is out of range
     */
    public static BinaryOutcome atLeast(PatientData d, int level) {
        if (level < 1 || level >= d.categories()) {
            throw new IllegalArgumentException("the level must lie between 1 and " + (d.categories() - 1));
        }
        int[] e = new int[d.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = d.outcome(i) >= level ? 1 : 0;
        }
        return new BinaryOutcome(worseName(level, d.categories()), e);
    }

    /**
     * The number of patients with the event.
     *
     * @return the number of ones in {@link #event()}
     */
    public int events() {
        int k = 0;
        for (int v : event) {
            k += v;
        }
        return k;
    }

    /**
     * The {@code event} component, as a copy.
     *
     * @return a fresh copy of {@code event}
     */
    @Override
    public int[] event() {
        return event.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryOutcome b && b.name.equals(name) && java.util.Arrays.equals(b.event, event);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(event);
    }

    @Override
    public String toString() {
        return "BinaryOutcome[" + name + ", " + event.length + " patients]";
    }
}
