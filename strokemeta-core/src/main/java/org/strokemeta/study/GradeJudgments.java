package org.strokemeta.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/**
 * The judgments a GRADE assessment needs that no computation gives: each trial's risk of bias (RoB 2:
 * low, some concerns, high) and the indirectness of a population's evidence (none, serious, very
 * serious). A CSV file with the columns {@code scope} (a trial for {@code risk_of_bias}, a population
 * such as {@code mevo} for {@code indirectness}), {@code outcome} ({@code mrs_shift}, {@code mrs_0_2},
 * {@code mortality}, {@code sich}; blank or {@code all} for every outcome), {@code domain},
 * {@code judgment}, {@code reason} and {@code source} (where a published assessment was read; blank for
 * a panel's own judgment). The bundled file holds the published assessments found; a user's file
 * replaces them judgment by judgment.
 *
 * @param judgments the judgments, in file order (a user's after the bundled ones they replace)
 * @param files     where they were read
 * @serial exclude
 */
public record GradeJudgments(List<Judgment> judgments, List<String> files) implements Serializable {
    /** The outcomes a judgment can name. */
    public static final Set<String> OUTCOMES = Set.of("all", "mrs_shift", "mrs_0_2", "mortality", "sich");
    private static final Set<String> ROB = Set.of("low", "some_concerns", "high");
    private static final Set<String> INDIRECTNESS = Set.of("none", "serious", "very_serious");
    private static final String BUNDLED = "org/strokemeta/evidence/grade-judgments.csv";

    /**
     * Copies the lists.
     *
     * @param judgments the judgments
     * @param files     where they were read
     */
    public GradeJudgments {
        judgments = List.copyOf(judgments);
        files = List.copyOf(files);
    }

    /**
     * One judgment.
     *
     * @param scope    the trial (risk of bias) or the population label (indirectness)
     * @param outcome  the outcome, or {@code all}
     * @param domain   {@code risk_of_bias} or {@code indirectness}
     * @param judgment {@code low}, {@code some_concerns}, {@code high}; or {@code none}, {@code serious}, {@code very_serious}
     * @param reason   why, as the assessor wrote it (may be empty)
     * @param source   the published assessment (DOI, PMID or URL and where in it), empty for a panel's judgment
     * @param file     the file it was read from
     * @param line     its line in that file
     * @serial exclude
     */
    public record Judgment(String scope, String outcome, String domain, String judgment, String reason, String source, String file, int line)
            implements Serializable {
        /**
         * The judgment as a reader writes it ("some concerns", "very serious").
         *
         * @return the judgment with blanks for underscores
         */
        public String label() {
            return judgment.replace('_', ' ');
        }
    }

    /**
     * No judgment at all.
     *
     * @return empty judgments
     */
    public static GradeJudgments none() {
        return new GradeJudgments(List.of(), List.of());
    }

    /**
     * The published assessments bundled with the evidence base.
     *
     * @return the bundled judgments (may be empty)
     */
    public static GradeJudgments bundled() {
        try (InputStream in = GradeJudgments.class.getResourceAsStream("/" + BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + BUNDLED + " is missing");
            }
            return read("bundled " + BUNDLED, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a judgments file.
     *
     * @param name the file's name, for messages
     * @param data its bytes (UTF-8 CSV)
     * @return the judgments
     * @throws InputException naming the file, line and column of a missing column, an unknown domain,
     *                        outcome or judgment, or a judgment given twice
     */
    public static GradeJudgments read(String name, byte[] data) {
        Table t = CsvReader.parse(name, data);
        for (String c : List.of("scope", "outcome", "domain", "judgment")) {
            if (!t.has(c)) {
                throw new InputException(name, 1, c, "the column " + c + " is missing (columns: scope, outcome, domain, judgment, reason, source)");
            }
        }
        List<Judgment> out = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            int line = t.line(i);
            String scope = t.text(i, "scope").trim();
            if (scope.isEmpty()) {
                throw new InputException(name, line, t.headerName("scope"), "the scope (a trial, or a population for indirectness) is empty");
            }
            String outcome = t.text(i, "outcome").trim().toLowerCase(Locale.ROOT);
            outcome = outcome.isEmpty() ? "all" : outcome;
            if (!OUTCOMES.contains(outcome)) {
                throw new InputException(name, line, t.headerName("outcome"), "unknown outcome '" + outcome
                        + "' (expected mrs_shift, mrs_0_2, mortality, sich, or all)");
            }
            String domain = t.text(i, "domain").trim().toLowerCase(Locale.ROOT);
            String judgment = t.text(i, "judgment").trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            Set<String> allowed = switch (domain) {
                case "risk_of_bias" -> ROB;
                case "indirectness" -> INDIRECTNESS;
                default -> throw new InputException(name, line, t.headerName("domain"), "unknown domain '" + domain
                        + "' (expected risk_of_bias or indirectness)");
            };
            if (!allowed.contains(judgment)) {
                throw new InputException(name, line, t.headerName("judgment"), "unknown " + domain.replace('_', ' ') + " judgment '" + judgment
                        + "' (expected " + (domain.equals("risk_of_bias") ? "low, some_concerns or high" : "none, serious or very_serious") + ")");
            }
            for (Judgment j : out) {
                if (j.scope().equalsIgnoreCase(scope) && j.outcome().equals(outcome) && j.domain().equals(domain)) {
                    throw new InputException(name, line, t.headerName("scope"), "a second " + domain.replace('_', ' ') + " judgment for " + scope
                            + " (" + outcome + "); the first is on line " + j.line());
                }
            }
            String reason = t.has("reason") ? t.text(i, "reason").trim() : "";
            String source = t.has("source") ? t.text(i, "source").trim() : "";
            out.add(new Judgment(scope, outcome, domain, judgment, reason, source, name, line));
        }
        return new GradeJudgments(out, List.of(name));
    }

    /**
     * These judgments with another set's replacing them where both judge the same scope, outcome and
     * domain.
     *
     * @param user the judgments that take precedence
     * @return the combined judgments
     */
    public GradeJudgments withOverrides(GradeJudgments user) {
        List<Judgment> out = new ArrayList<>();
        for (Judgment j : judgments) {
            boolean replaced = user.judgments().stream().anyMatch(u -> u.scope().equalsIgnoreCase(j.scope()) && u.outcome().equals(j.outcome())
                    && u.domain().equals(j.domain()));
            if (!replaced) {
                out.add(j);
            }
        }
        out.addAll(user.judgments());
        List<String> f = new ArrayList<>(files);
        f.addAll(user.files());
        return new GradeJudgments(out, f);
    }

    /**
     * The judgment of a domain for a scope and outcome: the outcome's own, else the one for all outcomes.
     *
     * @param domain  {@code risk_of_bias} or {@code indirectness}
     * @param scope   the trial or population
     * @param outcome the outcome
     * @return the judgment, or null when none was given
     */
    public Judgment find(String domain, String scope, String outcome) {
        Judgment all = null;
        for (Judgment j : judgments) {
            if (j.domain().equals(domain) && j.scope().equalsIgnoreCase(scope)) {
                if (j.outcome().equals(outcome)) {
                    return j;
                }
                if (j.outcome().equals("all")) {
                    all = j;
                }
            }
        }
        return all;
    }
}
