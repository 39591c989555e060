package org.strokemeta.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data dictionary of patient-level thrombectomy trial data: one constant per variable of a
 * HERMES-style pooled data set (Goyal et al., Lancet 2016; the M2 detail of Menon et al.,
 * J NeuroInterv Surg 2019), with its type, its range or code list, the other header names it is
 * recognised by, and what it means. {@link StrokeLoader} reads a CSV file by it;
 * {@code strokemeta dictionary} prints it (docs/data-dictionary.md).
 */
public enum StrokeField {
    /** The trial, required. */
    TRIAL("trial", Type.TEXT, true, "Trial name or number; trials are ordered by it (numbers by value).",
            List.of("study", "trial_id", "trial_name", "study_id")),
    /** The patient's identifier. */
    PATIENT_ID("patient_id", Type.TEXT, false, "Patient identifier, unique within its trial.",
            List.of("id", "subject_id", "patient", "pid")),
    /** The randomised arm, required: thrombectomy or control. */
    ARM("arm", Type.CATEGORY, true, "Randomised allocation: evt (endovascular thrombectomy) or control (medical management).",
            List.of("treatment", "group", "allocation", "randomisation", "randomization"),
            codes("evt|1|thrombectomy|endovascular|endovascular thrombectomy|intervention|treatment|mt|est",
                    "control|0|medical|medical management|best medical management|bmm|standard care|usual care")),
    /** Age in years. */
    AGE("age", Type.NUMBER, false, "Age at randomisation, years.", List.of("age_years", "age_yr"), 18, 110, false),
    /** Sex. */
    SEX("sex", Type.CATEGORY, false, "Sex: female or male (F/M).", List.of("gender"),
            codes("female|f|woman", "male|m|man")),
    /** Baseline NIHSS score, 0-42. */
    NIHSS("nihss", Type.NUMBER, false, "Baseline NIH Stroke Scale score, 0-42.",
            List.of("nihss_baseline", "baseline_nihss", "nihss_bl"), 0, 42, true),
    /** Pre-stroke mRS, 0-5. */
    PRESTROKE_MRS("prestroke_mrs", Type.NUMBER, false, "Pre-stroke modified Rankin Scale, 0-5.",
            List.of("pre_mrs", "premorbid_mrs", "mrs_prestroke", "prestroke_mrs_score"), 0, 5, true),
    /** Intravenous thrombolysis given, 1 or 0. */
    IVT("ivt", Type.BINARY, false, "Intravenous thrombolysis given: 1 yes, 0 no (also yes/no, true/false).",
            List.of("iv_thrombolysis", "ivtpa", "iv_tpa", "alteplase", "ivt_given")),
    /** Onset (or last seen well) to randomisation, minutes. */
    ONSET_TO_RANDOMISATION("onset_to_randomisation", Type.NUMBER, false,
            "Time from stroke onset (or last seen well) to randomisation, minutes, 0-1440.",
            List.of("otr", "onset_to_randomization", "onset_to_randomisation_min", "onset_to_randomization_min",
                    "time_to_randomisation", "time_to_randomization"), 0, 1440, false),
    /** Baseline ASPECTS, 0-10. */
    ASPECTS("aspects", Type.NUMBER, false, "Alberta Stroke Program Early CT Score at baseline, 0-10.",
            List.of("aspects_baseline", "baseline_aspects", "ct_aspects"), 0, 10, true),
    /** Occlusion site: ICA, M1 or M2. */
    OCCLUSION_SITE("occlusion_site", Type.CATEGORY, false,
            "Site of the target occlusion: ICA (intracranial internal carotid, including the terminus), M1 or M2 "
                    + "segment of the middle cerebral artery.",
            List.of("occlusion", "occlusion_location", "site", "vessel", "occluded_vessel"),
            codes("ICA|ica-t|ica t|icat|ica terminus|intracranial ica|t-occlusion|carotid t", "M1|mca m1|mca-m1",
                    "M2|mca m2|mca-m2")),
    /** Proximal or distal M2. */
    M2_SEGMENT("m2_segment", Type.CATEGORY, false, "For M2 occlusions: proximal or distal M2.",
            List.of("m2_location"), codes("proximal", "distal")),
    /** Anterior or posterior M2 division. */
    M2_DIVISION("m2_division", Type.CATEGORY, false, "For M2 occlusions: the division occluded, anterior or posterior.",
            List.of("m2_trunk"), codes("anterior", "posterior")),
    /** Dominant, co-dominant or non-dominant M2 branch. */
    M2_DOMINANCE("m2_dominance", Type.CATEGORY, false,
            "For M2 occlusions: the occluded branch is dominant, co-dominant or non-dominant.",
            List.of("m2_branch"), codes("dominant", "codominant|co-dominant", "nondominant|non-dominant")),
    /** The 90-day mRS, 0-6, required: the primary outcome. */
    MRS90("mrs90", Type.NUMBER, true, "Modified Rankin Scale at 90 days, 0 (no symptoms) to 6 (dead): the primary outcome.",
            List.of("mrs", "mrs_90", "mrs_day90", "mrs90d", "outcome", "mrs_3m"), 0, 6, true),
    /** Symptomatic intracranial haemorrhage, 1 or 0. */
    SICH("sich", Type.BINARY, false, "Symptomatic intracranial haemorrhage (as defined by the trial): 1 yes, 0 no.",
            List.of("symptomatic_ich", "sich_any", "symptomatic_haemorrhage", "symptomatic_hemorrhage")),
    /** Death within 90 days, 1 or 0. */
    DEATH90("death90", Type.BINARY, false, "Death within 90 days: 1 yes, 0 no; when given it must agree with mRS 6.",
            List.of("death", "dead", "death_90", "mortality", "died")),
    /** Final reperfusion grade (eTICI). */
    REPERFUSION("reperfusion", Type.CATEGORY, false,
            "Final reperfusion grade, EVT arm (eTICI 0, 1, 2a, 2b50, 2b67, 2c, 3; mTICI 2b is read as eTICI 2b50 or better).",
            List.of("etici", "mtici", "tici", "final_tici", "final_etici", "reperfusion_grade"),
            codes("0", "1", "2a", "2b", "2b50", "2b67", "2c", "3")),
    /** 1 on simulated rows. */
    SIMULATED("simulated", Type.BINARY, false,
            "1 on rows made by strokemeta simulate: every result made from such data says \"simulated data\".",
            List.of("simulated_data"));

    /** How a field's cells are read. */
    public enum Type {
        /** Any text. */
        TEXT,
        /** A number within a range (a whole number where marked). */
        NUMBER,
        /** 1/0, yes/no, true/false. */
        BINARY,
        /** One of a code list, with synonyms. */
        CATEGORY
    }

    private final String column;
    private final Type type;
    private final boolean required;
    private final String description;
    private final List<String> aliases;
    private final Map<String, String> codes;
    private final double min;
    private final double max;
    private final boolean integer;

    StrokeField(String column, Type type, boolean required, String description, List<String> aliases) {
        this(column, type, required, description, aliases, Map.of(), Double.NaN, Double.NaN, false);
    }

    StrokeField(String column, Type type, boolean required, String description, List<String> aliases,
                Map<String, String> codes) {
        this(column, type, required, description, aliases, codes, Double.NaN, Double.NaN, false);
    }

    StrokeField(String column, Type type, boolean required, String description, List<String> aliases, double min,
                double max, boolean integer) {
        this(column, type, required, description, aliases, Map.of(), min, max, integer);
    }

    StrokeField(String column, Type type, boolean required, String description, List<String> aliases,
                Map<String, String> codes, double min, double max, boolean integer) {
        this.column = column;
        this.type = type;
        this.required = required;
        this.description = description;
        this.aliases = List.copyOf(aliases);
        this.codes = codes;
        this.min = min;
        this.max = max;
        this.integer = integer;
    }

    /**
     * A code list from groups "CODE|synonym|synonym": the first entry of a group is the canonical code;
     * it and its synonyms are matched case-insensitively, with runs of spaces or underscores as one space.
     */
    private static Map<String, String> codes(String... groups) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String g : groups) {
            String[] parts = g.split("\\|");
            for (String p : parts) {
                m.put(normalise(p), parts[0]);
            }
        }
        return m;
    }

    /**
     * The column name of the dictionary.
     *
     * @return the lower-case name, such as {@code mrs90}
     */
    public String column() {
        return column;
    }

    /**
     * How the field's cells are read.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * True when every file must have this column.
     *
     * @return whether the column is required
     */
    public boolean required() {
        return required;
    }

    /**
     * What the field means, with its units and range, as the data dictionary prints it.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Other header names read as this field.
     *
     * @return the aliases, lower case
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * The canonical codes of a category, in order.
     *
     * @return the codes, for category fields; empty otherwise
     */
    public List<String> codeList() {
        return codes.values().stream().distinct().toList();
    }

    /**
     * The synonyms accepted for each code (lower case), code by code.
     *
     * @return a map from each accepted synonym to its canonical code
     */
    public Map<String, String> synonyms() {
        return codes;
    }

    /**
     * The smallest value allowed, for number fields.
     *
     * @return the minimum, in the field's units
     */
    public double min() {
        return min;
    }

    /**
     * The largest value allowed, for number fields.
     *
     * @return the maximum, in the field's units
     */
    public double max() {
        return max;
    }

    /**
     * True when the number must be whole.
     *
     * @return whether the field's numbers are whole
     */
    public boolean integer() {
        return integer;
    }

    /**
     * The canonical code of a cell's text, or null when it is not in the code list.
     *
     * @param text the cell's text, any case
     * @return its code, or null
     */
    public String code(String text) {
        return codes.get(normalise(text));
    }

    /** Lower case, trimmed, inner runs of spaces or underscores as one space. */
    static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }

    /** Lower case with every run of other characters than letters and digits as one underscore (header matching). */
    static String headerKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /**
     * The data dictionary as a Markdown document (docs/data-dictionary.md is this text): every field
     * with its type, range or codes, the header names it is also read by, and its meaning.
     *
     * @return the Markdown text
     */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Data dictionary: patient-level thrombectomy trial data\n\n");
        sb.append("One row per randomised patient, in a CSV file with a header (comma-separated, UTF-8). Header names\n"
                + "are matched to the fields below by their name or any of the other names listed, ignoring case,\n"
                + "spaces and punctuation; codes are matched ignoring case. `trial`, `arm` and `mrs90` are required,\n"
                + "every other field is optional, and a blank cell is a missing value (counted in the notes;\n"
                + "analyses that need it leave the patient out and say so). A cell outside its range or code list\n"
                + "stops the run with the file, line, column and the problem. Columns not listed here are kept as\n"
                + "numeric covariates (usable by their name) when every value is a number.\n\n");
        sb.append("Printed by `strokemeta dictionary`.\n\n");
        sb.append("| column | type | values | required | also read as | meaning |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (StrokeField f : values()) {
            String values = switch (f.type) {
                case TEXT -> "text";
                case BINARY -> "1/0 (yes/no, true/false)";
                case NUMBER -> (f.integer ? "whole number " : "number ") + plain(f.min) + "-" + plain(f.max);
                case CATEGORY -> String.join(", ", f.codeList().stream().map(c -> "`" + c + "`").toList());
            };
            sb.append("| `").append(f.column).append("` | ").append(f.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(values).append(" | ").append(f.required ? "yes" : "no").append(" | ")
                    .append(String.join(", ", f.aliases)).append(" | ").append(f.description).append(" |\n");
        }
        sb.append("\n## Codes and their synonyms\n\n");
        for (StrokeField f : values()) {
            if (f.type != Type.CATEGORY) {
                continue;
            }
            sb.append("- `").append(f.column).append("`: ");
            List<String> parts = new java.util.ArrayList<>();
            for (String c : f.codeList()) {
                List<String> syn = f.codes.entrySet().stream().filter(e -> e.getValue().equals(c) && !e.getKey().equals(normalise(c)))
                        .map(Map.Entry::getKey).toList();
                parts.add("`" + c + "`" + (syn.isEmpty() ? "" : " (" + String.join(", ", syn) + ")"));
            }
            sb.append(String.join("; ", parts)).append('\n');
        }
        sb.append("\n## Derived covariates\n\n");
        sb.append("Analyses name covariates as `age`, `female` (1 = woman), `nihss`, `prestroke_mrs`, `ivt`,\n"
                + "`onset_to_randomisation`, `aspects`, `ica`, `m1`, `m2` (1 = that occlusion site), `m2_proximal`,\n"
                + "`m2_anterior`, `m2_dominant` (1/0 for M2 occlusions, missing for others), `sich` and `death90`\n"
                + "(from mRS 6 when the column is absent), or by the name of any further numeric column.\n");
        return sb.toString();
    }

    private static String plain(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The field a header name stands for, or null.
     *
     * @param name the header name, any case and punctuation
     * @return the field, or null when the name is not in the dictionary
     */
    public static StrokeField ofHeader(String name) {
        String k = headerKey(name);
        for (StrokeField f : values()) {
            if (f.column.equals(k) || f.aliases.contains(k)) {
                return f;
            }
        }
        return null;
    }
}
