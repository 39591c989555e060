package org.strokemeta.report;

/** The product version, read from the jar manifest (or "dev" when run from classes). */
public final class Version {
    private Version() {
    }

    /**
     * The version of strokemeta, from the jar's manifest.
     *
     * @return the version, or "dev" when not run from a packaged jar
     */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
