package org.strokemeta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;

/**
 * Leave-one-out and cumulative meta-analysis (metafor::leave1out and metafor::cumul): the same
 * analysis repeated on subsets of the studies, in data order.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * One analysis per study, of all the other studies.
     *
     * @return one step per study, in data order; each step names the study left out
     * @param es the per-study effects, at least two
     * @param o  the pooling options, the same for every analysis
     * @throws IllegalArgumentException if there are fewer than two studies
     */
    public static List<Step> leaveOneOut(EffectSizes es, MetaOptions o) {
        int k = es.size();
        if (k < 2) {
            throw new IllegalArgumentException("leave-one-out analysis needs at least two studies");
        }
        List<Step> out = new ArrayList<>(k);
        for (int drop = 0; drop < k; drop++) {
            int[] keep = new int[k - 1];
            for (int i = 0, j = 0; i < k; i++) {
                if (i != drop) {
                    keep[j++] = i;
                }
            }
            out.add(new Step(es.study(drop), MetaAnalysis.run(es.subset(keep), o, false)));
        }
        return out;
    }

    /**
     * Cumulative analyses: the first study, the first two, ..., all studies (order them beforehand,
     * for example by year, to see how the evidence accumulated).
     *
     * @return one step per study, naming the study added
     * @param es the per-study effects, in the order in which they are added
     * @param o  the pooling options, the same for every analysis
     */
    public static List<Step> cumulative(EffectSizes es, MetaOptions o) {
        int k = es.size();
        List<Step> out = new ArrayList<>(k);
        for (int n = 1; n <= k; n++) {
            int[] keep = new int[n];
            for (int i = 0; i < n; i++) {
                keep[i] = i;
            }
            out.add(new Step(es.study(n - 1), MetaAnalysis.run(es.subset(keep), o, false)));
        }
        return out;
    }

    /**
     * One analysis of a sensitivity series.
     *
     * @param study  the study left out (leave-one-out) or added (cumulative)
     * @param result the analysis of that subset
     * @serial exclude
     */
    public record Step(String study, MetaResult result) implements java.io.Serializable {
    }
}
