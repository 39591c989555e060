package org.strokemeta.ordinal;

/**
 * What a cumulative-logit fit does when an outcome category has no patient in a stratum (a trial
 * under stratified cut-points, all patients under common ones).
 *
 * <p>The cut-points on either side of an empty category cannot both be estimated: the likelihood
 * increases as they move together (or, for an empty first or last category, as the outer one moves
 * to infinity), so no finite maximum exists for them. The treatment and covariate coefficients are
 * still estimable: the supremum of the likelihood is reached with the two cut-points equal, which is
 * the same model as the category left out of that stratum.
 */
public enum EmptyCategories {
    /** Stop with a message that names the trial and the category and suggests what to do. */
    REJECT,
    /**
     * Fit on the boundary: in the stratum concerned the empty category's cut-point coincides with its
     * neighbour's (−∞ or +∞ at the ends), equivalent to dropping the unused level as R does for a
     * factor with an empty level in a single-trial fit. Reported in the notes.
     */
    DROP
}
