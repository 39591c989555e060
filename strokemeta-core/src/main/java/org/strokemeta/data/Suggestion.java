package org.strokemeta.data;

import java.util.Locale;

/** The known name closest to a misspelt one, for messages such as "did you mean nihss?". */
public final class Suggestion {
    private Suggestion() {
    }

    /**
     * The name of {@code known} closest to {@code name} by edit distance (Levenshtein), ignoring
     * case, or null when none is within {@code maxDistance} edits.
     *
     * @param name        the misspelt name
     * @param known       the known names
     * @param maxDistance the most edits allowed
     * @return the closest known name, or null
     */
    public static String closest(String name, Iterable<String> known, int maxDistance) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String a = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(a, k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= maxDistance ? best : null;
    }

    /**
     * " (did you mean X?)", or "" when no known name is close.
     *
     * @param name  the misspelt name
     * @param known the known names
     * @return the hint, or ""
     */
    public static String didYouMean(String name, Iterable<String> known) {
        String s = closest(name, known, Math.max(1, Math.min(3, name.length() / 3)));
        return s == null || s.equalsIgnoreCase(name) ? "" : " (did you mean " + s + "?)";
    }

    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
