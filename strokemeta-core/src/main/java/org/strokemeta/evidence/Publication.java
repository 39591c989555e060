package org.strokemeta.evidence;

import java.io.Serializable;

/**
 * A publication of a trial.
 *
 * @param ref      {@code doi:...} (or a URL when there is no DOI)
 * @param pmid     the PubMed identifier, or null
 * @param citation the reference as it is cited
 * @param role     {@code primary}, {@code secondary analysis}, {@code protocol}, ...
 * @param note     anything a reader should know, or null
 * @serial exclude
 */
public record Publication(String ref, String pmid, String citation, String role, String note) implements Serializable {
}
