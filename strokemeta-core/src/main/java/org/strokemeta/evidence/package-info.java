/**
 * Published evidence: the results of randomised trials as their publications report them, each number
 * with its source (DOI or PMID and where in the paper), the population it refers to and a confidence,
 * read from one JSON file per trial ({@link EvidenceBase}), and the consistency checks that published
 * numbers must pass before they are pooled ({@link EvidenceChecks}). The file format is documented in
 * docs/published-evidence.md.
 */
package org.strokemeta.evidence;
