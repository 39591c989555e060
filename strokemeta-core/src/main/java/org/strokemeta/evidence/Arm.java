package org.strokemeta.evidence;

import java.io.Serializable;

/**
 * An arm of a trial: how many were randomised and how many analysed.
 *
 * @param arm                {@code evt} or {@code control}
 * @param randomised         patients randomised to it, or null
 * @param analysed           patients analysed, or null
 * @param analysedPopulation who was analysed ("intention to treat with a 90-day mRS"), or null
 * @param crossovers         patients who received the other arm's treatment, as the source says it, or null
 * @param perProtocolN       patients in the per-protocol analysis, or null
 * @param asTreatedN         patients in the as-treated analysis, or null
 * @param source             where the numbers were read
 * @param confidence         how they are known
 * @param note               anything a reader should know, or null
 * @serial exclude
 */
public record Arm(String arm, Integer randomised, Integer analysed, String analysedPopulation, String crossovers,
                  Integer perProtocolN, Integer asTreatedN, Source source,
                  Confidence confidence, String note) implements Serializable {
}
