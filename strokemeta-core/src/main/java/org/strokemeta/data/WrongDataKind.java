package org.strokemeta.data;

/**
 * Input of the wrong kind for the analysis asked: patient-level data or tabulated mRS distributions
 * given to an aggregate-data meta-analysis, for example. It carries the {@link DataKind} found, so
 * that a front end can point its user to the analysis that takes such data in its own words.
 */
public final class WrongDataKind extends InputException {
    private static final long serialVersionUID = 1L;

    /** The kind of data the input holds. */
    private final DataKind kind;

    /**
     * An input of the wrong kind.
     *
     * @param source  the file name (or a label such as "input"), or null
     * @param kind    the kind of data the input holds ({@link DataKind#of(Table)})
     * @param problem what is wrong and which analysis takes such data, as a sentence without location
     * @throws IllegalArgumentException when {@code kind} is null
     */
    public WrongDataKind(String source, DataKind kind, String problem) {
        super(source, 0, null, problem);
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        this.kind = kind;
    }

    /**
     * The kind of data the input holds.
     *
     * @return the kind found in the input
     */
    public DataKind kind() {
        return kind;
    }

    /**
     * The input's name, as given when it was read.
     *
     * @return the file name or label, or null
     */
    public String source() {
        return file();
    }
}
