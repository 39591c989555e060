/**
 * Subgroup analysis: the studies are split by one column, each subgroup is pooled on its own as
 * metafor::rma on the subset, and the subgroups are compared by a test for subgroup differences
 * ({@link org.strokemeta.subgroup.SubgroupTest}: separate tau² with a Wald-type Q, or a common tau² with
 * the QM of a meta-regression on the subgroup). The entry point is
 * {@link org.strokemeta.subgroup.SubgroupAnalysis}; results are {@link org.strokemeta.subgroup.SubgroupResult}
 * and {@link org.strokemeta.subgroup.BetweenTest}.
 */
package org.strokemeta.subgroup;
