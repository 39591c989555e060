package org.strokemeta.plot;

import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.bayes.BayesMeta;
import org.strokemeta.bayes.BayesOptions;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.sequential.TrialSequential;
import org.strokemeta.sequential.TsaOptions;
import org.strokemeta.sequential.TsaResult;
import org.strokemeta.study.MetaRequest;

/** The lidocaine trials (hine) analysed for the figures of trial sequential and Bayesian analysis. */
final class SequentialFigures {
    private SequentialFigures() {
    }

    static TsaResult tsaHine() {
        EffectSizes es = Meta.effects(Examples.table(Examples.get("hine")), MetaRequest.defaults().withMeasure(Measure.RR));
        return TrialSequential.analyze(es, true, new TsaOptions(0.07, 0.5, 0.05, 0.9, TsaOptions.Heterogeneity.D2, 0, true));
    }

    static BayesResult bayesHine() {
        EffectSizes es = Meta.effects(Examples.table(Examples.get("hine")), MetaRequest.defaults().withMeasure(Measure.OR));
        return BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(), BayesOptions.of(TauPrior.halfNormal(0.5)));
    }
}
