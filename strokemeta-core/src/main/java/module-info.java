/**
 * The strokemeta engine: reading, effect sizes, pooling, ordinal and patient-level models, study
 * orchestration, figures and report writers. Every exported package is API; the implementation
 * helpers shared between them ({@code org.strokemeta.internal}) are not exported.
 */
module org.strokemeta.core {
    // JSON reports and validation cases: Jackson's tree types appear in the API (ValidationCase, JsonReport)
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.numbers.gamma;
    requires org.apache.commons.numbers.rootfinder;
    // EJML has no module name of its own: these are the names derived from its jar files
    requires ejml.core;
    requires ejml.ddense;

    exports org.strokemeta;
    exports org.strokemeta.bayes;
    exports org.strokemeta.bias;
    exports org.strokemeta.data;
    exports org.strokemeta.effect;
    exports org.strokemeta.evidence;
    exports org.strokemeta.glmm;
    exports org.strokemeta.ipd;
    exports org.strokemeta.multivariate;
    exports org.strokemeta.ordinal;
    exports org.strokemeta.plot;
    exports org.strokemeta.pool;
    exports org.strokemeta.qualify;
    exports org.strokemeta.regression;
    exports org.strokemeta.report;
    exports org.strokemeta.sensitivity;
    exports org.strokemeta.sequential;
    exports org.strokemeta.simulation;
    exports org.strokemeta.study;
    exports org.strokemeta.subgroup;
}
