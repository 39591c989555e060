package org.strokemeta.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The populations the thrombectomy trials are grouped by. */
public enum Population {
    /** Large-vessel occlusion of the anterior circulation, treated early (the HERMES trials). */
    LVO_EARLY,
    /** Anterior large-vessel occlusion treated late (6 to 24 hours), selected by imaging. */
    LATE_WINDOW,
    /** Anterior large-vessel occlusion with a large ischaemic core. */
    LARGE_CORE,
    /** Basilar artery occlusion. */
    BASILAR,
    /** Medium and distal vessel occlusion. */
    MEVO;

    /**
     * The name used in files and on the command line.
     *
     * @return for example {@code lvo-early}
     */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a name.
     *
     * @param s lvo-early, late-window, large-core, basilar or mevo (any case)
     * @return the population
     * @throws IllegalArgumentException for any other text
     */
    @JsonCreator
    public static Population of(String s) {
        for (Population p : values()) {
            if (p.label().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("population must be one of lvo-early, late-window, large-core, basilar, mevo, not '" + s + "'");
    }
}
