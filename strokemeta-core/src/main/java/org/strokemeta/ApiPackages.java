package org.strokemeta;

import java.util.List;

/**
 * The packages of strokemeta's public API: those the module {@code org.strokemeta.core} exports.
 * Everything outside them (the shared implementation helpers of {@code org.strokemeta.internal}) may
 * change without notice and cannot be imported by code in another module.
 */
public final class ApiPackages {
    /** The exported packages, sorted by name. */
    public static final List<String> NAMES = List.of(
            "org.strokemeta",
            "org.strokemeta.bayes",
            "org.strokemeta.bias",
            "org.strokemeta.data",
            "org.strokemeta.effect",
            "org.strokemeta.evidence",
            "org.strokemeta.glmm",
            "org.strokemeta.ipd",
            "org.strokemeta.multivariate",
            "org.strokemeta.ordinal",
            "org.strokemeta.plot",
            "org.strokemeta.pool",
            "org.strokemeta.qualify",
            "org.strokemeta.regression",
            "org.strokemeta.report",
            "org.strokemeta.sensitivity",
            "org.strokemeta.sequential",
            "org.strokemeta.simulation",
            "org.strokemeta.study",
            "org.strokemeta.subgroup");

    private ApiPackages() {
    }

    /**
     * Tells whether a package belongs to the public API.
     *
     * @param packageName a fully qualified package name, such as {@code org.strokemeta.pool}
     * @return true when the module exports it
     */
    public static boolean isApi(String packageName) {
        return NAMES.contains(packageName);
    }
}
