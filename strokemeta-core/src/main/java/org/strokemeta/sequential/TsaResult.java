package org.strokemeta.sequential;

import java.util.List;

/**
 * A trial sequential analysis: the required information size, the cumulative z-curve and the monitoring
 * boundaries at each trial, in order.
 *
 * @param options            the options
 * @param method             the cumulative meta-analysis (Mantel-Haenszel or DerSimonian-Laird) and measure
 * @param risFixed           the required information size of a single trial (patients, both arms)
 * @param diversity          D² of all trials (0 when tau² is 0)
 * @param tau2               the DerSimonian-Laird tau² of all trials
 * @param adjustmentFactor   1, 1/(1 − D²) or 1/(1 − I²)
 * @param ris                the heterogeneity-adjusted required information size
 * @param studies            the trials in order
 * @param information        cumulative patients after each trial
 * @param fraction           information / ris
 * @param z                  the cumulative z after each trial (negative: fewer events with treatment)
 * @param alphaSpent         cumulative two-sided alpha spent
 * @param alphaBoundary      the efficacy boundaries (|z| at or beyond them: crossed)
 * @param betaSpent          cumulative beta spent (empty without futility)
 * @param futilityBoundary   the futility boundaries on |z| (empty without futility)
 * @param crossedAt          the first look (1-based) at which |z| reached the efficacy boundary, 0 if none
 * @param futilityCrossedAt  the first look with a positive futility boundary above |z|, 0 if none
 * @param notes              what a reader should know
 * @param estimate           the cumulative estimate after the last trial (analysis scale: log for ratio measures)
 * @param se                 its standard error
 * @param adjustedLower      the TSA-adjusted confidence interval: estimate − b·se with b the monitoring boundary at the
 *                           last look in place of z_{1−α/2} (−∞ where no alpha is spent yet)
 * @param adjustedUpper      its upper end, estimate + b·se
 * @param logScale           true when the effects are log ratios (shown back-transformed)
 * @serial exclude
 */
public record TsaResult(TsaOptions options, String method, double risFixed, double diversity, double tau2, double adjustmentFactor,
                        double ris, List<String> studies, double[] information, double[] fraction, double[] z, double[] alphaSpent,
                        double[] alphaBoundary, double[] betaSpent, double[] futilityBoundary, int crossedAt,
                        int futilityCrossedAt, List<String> notes, double estimate, double se, double adjustedLower,
                        double adjustedUpper, boolean logScale) implements java.io.Serializable {
    /**
     * Whether the z-curve crossed an efficacy boundary.
     *
     * @return crossedAt &gt; 0
     */
    public boolean crossed() {
        return crossedAt > 0;
    }

    /**
     * Whether the z-curve entered the futility region.
     *
     * @return futilityCrossedAt &gt; 0
     */
    public boolean futilityCrossed() {
        return futilityCrossedAt > 0;
    }
}
