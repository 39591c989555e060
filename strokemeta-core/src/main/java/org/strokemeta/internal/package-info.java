/**
 * Implementation helpers shared by the packages of the engine, not part of the API: the module does not
 * export this package, and its classes may change without notice. It holds the reference distributions
 * of the tests computed on the accurate side of the tail ({@link org.strokemeta.internal.Dist}), the
 * interruption check of long fits ({@link org.strokemeta.internal.Cancellation}), SVG text escaping and
 * number formatting ({@link org.strokemeta.internal.Svg}), the probability of an ordinal observation under
 * the cumulative logit model and its derivatives ({@link org.strokemeta.internal.CumulativeLogit}), and
 * copy-free reading of the arrays inside value records on hot paths ({@link org.strokemeta.internal.SharedArrays}).
 */
package org.strokemeta.internal;
