package org.strokemeta.evidence;

import java.io.Serializable;

/**
 * An arm of a trial: how many were randomised and how many analysed.
 *
 * @param arm                {@code evt} or {@code control}
 * @param randomised         patients randomised to it, or null
 * @param analysed           patients analysed, or null
 * @param analysedPopulation who was analysed ("intention to treat with a 90-day mRS"), or null
 * @param source             where the numbers were read
 * @param confidence         how they are known
 * @param note               anything a reader should know, or null
 * @serial exclude
 */
public record Arm(String arm, Integer randomised, Integer analysed, String analysedPopulation, Source source,
                  Confidence confidence, String note) implements Serializable {
}
