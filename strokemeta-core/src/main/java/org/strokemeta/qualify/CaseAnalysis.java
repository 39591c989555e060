package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs one kind of analysis for a validation case and returns its values under the case's keys. */
@FunctionalInterface
interface CaseAnalysis {
    /**
     * @param c   the case
     * @param out an empty object to fill with the computed values (keys as in FORMAT.md)
     */
    void run(ValidationCase c, ObjectNode out);
}
