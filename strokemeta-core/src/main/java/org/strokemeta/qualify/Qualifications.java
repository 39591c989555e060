package org.strokemeta.qualify;

/** The qualification suite with every analysis type of the product registered. */
public final class Qualifications {
    private Qualifications() {
    }

    /**
     * A suite that runs every analysis type the product supports.
     *
     * @return the suite
     */
    public static Qualification full() {
        return new Qualification()
                .with("small_study", SmallStudyCase::run)
                .with("metaregression", RegressionCase::run)
                .with("subgroup", SubgroupCase::run)
                .with("ordinal", OrdinalCase::run)
                .with("ipd_binary", IpdBinaryCase::run)
                .with("ipd_mixed", GeneralMixedCase::run)
                .with("bayes", BayesCase::run)
                .with("tsa", TsaCase::run)
                .with("multilevel", MultilevelCase::run)
                .with("network", NetworkCase::run)
                .with("multivariate", MultivariateCase::run)
                .with("glmm_binary", GlmmCase::run)
                .with("ipd_ordinal", (c, out) -> {
                    if (IpdMixedCase.handles(c)) {
                        IpdMixedCase.ordinalRandom(c, out);
                    } else {
                        OrdinalCase.stratifiedIpd(c, out);
                    }
                });
    }
}
