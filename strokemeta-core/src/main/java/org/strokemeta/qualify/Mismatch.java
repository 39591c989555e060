package org.strokemeta.qualify;

/**
 * One expected value that was not matched.
 *
 * @param key       the path of the value, such as {@code groups.random.tau2} or {@code estimate[3]}
 * @param expected  the expected value as text
 * @param actual    the computed value as text ("missing" when not produced)
 * @param tolerance the allowed difference as text
 */
public record Mismatch(String key, String expected, String actual, String tolerance) {
    @Override
    public String toString() {
        return key + ": expected " + expected + ", actual " + actual + " (tolerance " + tolerance + ")";
    }
}
