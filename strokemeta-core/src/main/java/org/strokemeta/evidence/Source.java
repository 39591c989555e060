package org.strokemeta.evidence;

import java.io.Serializable;

/**
 * Where a published number was read.
 *
 * @param ref   the publication: {@code doi:...}, {@code pmid:...}, or a URL when neither exists
 * @param where where in it, so that a reader finds the number: "abstract", "Table 2", "Figure 2 (mRS bars)"
 * @serial exclude
 */
public record Source(String ref, String where) implements Serializable {
}
