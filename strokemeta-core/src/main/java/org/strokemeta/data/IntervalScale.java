package org.strokemeta.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells from printed confidence intervals whether estimates are ratios or differences.
 *
 * <p>A ratio's interval (hazard, odds or risk ratio) is symmetric on the log scale: the upper limit
 * equals estimate² / lower limit. A difference's interval is symmetric on the natural scale: the
 * upper limit equals 2 × estimate − lower limit. Each study is checked against both predictions,
 * allowing for the rounding of the printed numbers (half a unit of the last decimal printed in each
 * of the three cells, propagated through the prediction). A study whose upper limit fits one reading
 * and not the other votes for that reading; one that fits both (a narrow interval) says nothing; one
 * that fits neither (an interval computed another way) votes for the reading it is at least twice as
 * close to. Values at or below zero cannot be ratios.
 */
final class IntervalScale {
    private IntervalScale() {
    }

    /** The readings of a set of intervals. */
    public enum Reading {
        /** Symmetric on the log scale: ratios. */
        RATIO,
        /** Symmetric on the natural scale: differences or other effects analysed as given. */
        ABSOLUTE,
        /** No study's interval tells the two readings apart. */
        UNDECIDED,
        /** Some intervals fit one reading and others the other. */
        CONFLICTING
    }

    /**
     * The verdict.
     *
     * @param reading        the reading the intervals support
     * @param ratioStudies   rows (0-based) whose intervals fit only the ratio reading
     * @param absoluteStudies rows whose intervals fit only the natural-scale reading
     * @param reason         why, as a phrase for a note ("their intervals are symmetric on the log scale (36 of 37 studies)")
     * @serial exclude
     */
    public record Verdict(Reading reading, List<Integer> ratioStudies, List<Integer> absoluteStudies, String reason) implements java.io.Serializable {
        /**
         * Copies the lists.
         *
         * @param reading the reading the intervals support
         * @param ratioStudies rows (0-based) whose intervals fit only the ratio reading
         * @param absoluteStudies rows whose intervals fit only the natural-scale reading
         * @param reason why, as a phrase for a note ("their intervals are symmetric on the log scale (36 of 37 studies)")
         */
        public Verdict {
            ratioStudies = List.copyOf(ratioStudies);
            absoluteStudies = List.copyOf(absoluteStudies);
        }
    }

    /**
     * Judges a set of estimates with their intervals.
     *
     * @param est  the estimates
     * @param lo   lower limits
     * @param hi   upper limits
     * @param unit half the unit of the last decimal printed for each study (the rounding allowance); 0 for exact values
     * @return ratios when the intervals are symmetric on the log scale, differences when on the natural
     *         scale, or undecided, with the studies that point each way and the reason
     */
    public static Verdict judge(double[] est, double[] lo, double[] hi, double[] unit) {
        int k = est.length;
        for (int i = 0; i < k; i++) {
            if (!(lo[i] > 0) || !(est[i] > 0)) {
                return new Verdict(Reading.ABSOLUTE, List.of(), List.of(),
                        "some estimates or limits are zero or negative, which ratios cannot be");
            }
        }
        List<Integer> ratio = new ArrayList<>();
        List<Integer> absolute = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double e = est[i];
            double l = lo[i];
            double h = hi[i];
            double u = unit[i];
            double slack = 1e-9 * Math.abs(h);
            double upperIfAbsolute = 2 * e - l;
            double upperIfRatio = e * e / l;
            // rounding of the estimate, the lower limit and the upper limit, carried through each prediction
            double tolAbsolute = 4 * u + slack;
            double tolRatio = (2 * e / l) * u + (e * e / (l * l)) * u + u + slack;
            double missAbsolute = Math.abs(h - upperIfAbsolute);
            double missRatio = Math.abs(h - upperIfRatio);
            boolean fitsAbsolute = missAbsolute <= tolAbsolute;
            boolean fitsRatio = missRatio <= tolRatio;
            if (fitsRatio && !fitsAbsolute || !fitsRatio && !fitsAbsolute && missAbsolute > 2 * missRatio) {
                ratio.add(i);
            } else if (fitsAbsolute && !fitsRatio || !fitsRatio && !fitsAbsolute && missRatio > 2 * missAbsolute) {
                absolute.add(i);
            }
        }
        int informative = ratio.size() + absolute.size();
        if (informative == 0) {
            return new Verdict(Reading.UNDECIDED, ratio, absolute, "no interval is wide enough to tell a ratio's (symmetric on the log "
                    + "scale) from a difference's (symmetric on the natural scale)");
        }
        // a clear majority decides; the studies that disagree are named so that their rows can be checked
        if (ratio.size() >= 0.8 * informative) {
            return new Verdict(Reading.RATIO, ratio, absolute, "their intervals are symmetric on the log scale, as ratios' are ("
                    + ratio.size() + " of " + k + " studies; the others fit either reading" + (absolute.isEmpty() ? "" : " or neither") + ")");
        }
        if (absolute.size() >= 0.8 * informative) {
            return new Verdict(Reading.ABSOLUTE, ratio, absolute, "their intervals are symmetric on the natural scale, as differences' are ("
                    + absolute.size() + " of " + k + " studies; the others fit either reading" + (ratio.isEmpty() ? "" : " or neither") + ")");
        }
        return new Verdict(Reading.CONFLICTING, ratio, absolute, ratio.size() + " intervals are symmetric on the log scale (ratios) and "
                + absolute.size() + " on the natural scale (differences)");
    }

    /**
     * Half a unit of the last decimal printed in a number as written ("1.54" gives 0.005, "2" gives 0.5);
     * a number in exponent notation is taken as exact.
     *
     * @param text the number as written
     * @return half a unit of its last decimal, or 0 in exponent notation
     */
    public static double roundingAllowance(String text) {
        String s = text.strip();
        if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return 0;
        }
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }
}
