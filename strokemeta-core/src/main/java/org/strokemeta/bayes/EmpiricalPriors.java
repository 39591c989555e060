package org.strokemeta.bayes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The empirically based priors for the between-trial variance of Turner et al. (2015): log-normal predictive
 * distributions for tau² of log odds ratios, log tau² ~ N(mean, sd²), in 80 settings (16 outcome types × 5 types
 * of comparison), derived from 14,886 binary-outcome meta-analyses of the Cochrane Database of Systematic Reviews.
 *
 * <p>Source: Turner RM, Jackson D, Wei Y, Thompson SG, Higgins JPT. Predictive distributions for between-study
 * heterogeneity and simple methods for their application in Bayesian meta-analysis. Stat Med 2015;34(6):984-998,
 * doi:10.1002/sim.6381, PMID 25475839, Table IV. The values are bundled as
 * {@code org/strokemeta/bayes/turner-2015-table-iv.csv}; {@link #CONFIDENCE} says how they were checked.
 *
 * <p>The priors were derived for log odds ratios (a common odds ratio of the mRS shift is one); for other measures
 * they are an approximation the analyst must justify. For trials of thrombectomy added to medical care the
 * comparison type is {@code nonpharma-vs-control}; mRS 0-2 is a dichotomised functioning outcome
 * ({@code quality-of-life-functioning}), death {@code all-cause-mortality}, symptomatic ICH {@code adverse-events}.
 */
public final class EmpiricalPriors {
    /** The paper and table the priors are taken from. */
    public static final String SOURCE = "Turner et al. 2015, Stat Med 34(6):984-998, doi:10.1002/sim.6381, Table IV";
    /** How the bundled values were checked against the published table. */
    public static final String CONFIDENCE = "secondary: transcribed from the bayesmeta R package (TurnerEtAlParameters, "
            + "which cites Table IV); all 160 values agree with the rnmamod R package's transcription and 158 with hetpriorapp's "
            + "(the two other cells are noted); not compared with the printed table";

    /** The 16 outcome types of Turner et al.'s Table IV. */
    public enum OutcomeType {
        /** All-cause mortality. */
        ALL_CAUSE_MORTALITY("all-cause-mortality", "all-cause mortality"),
        /** Obstetric outcomes. */
        OBSTETRIC("obstetric", "obstetric outcomes"),
        /** Cause-specific mortality, major morbidity event, or a composite of mortality and morbidity. */
        CAUSE_SPECIFIC_MORTALITY("cause-specific-mortality", "cause-specific mortality / major morbidity event / composite"),
        /** Resource use, hospital stay, process. */
        RESOURCE_USE("resource-use", "resource use / hospital stay / process"),
        /** Surgical or device related success or failure. */
        SURGICAL_DEVICE_SUCCESS("surgical-device-success", "surgical / device related success / failure"),
        /** Withdrawals, drop-outs. */
        WITHDRAWALS("withdrawals", "withdrawals / drop-outs"),
        /** Internal or structure-related outcomes. */
        INTERNAL_STRUCTURE("internal-structure", "internal / structure-related outcomes"),
        /** General physical health indicators. */
        GENERAL_PHYSICAL_HEALTH("general-physical-health", "general physical health indicators"),
        /** Adverse events. */
        ADVERSE_EVENTS("adverse-events", "adverse events"),
        /** Infection, onset of new disease. */
        INFECTION("infection", "infection / onset of new disease"),
        /** Signs or symptoms reflecting continuation or end of the condition. */
        SIGNS_SYMPTOMS("signs-symptoms", "signs / symptoms reflecting continuation / end of condition"),
        /** Pain. */
        PAIN("pain", "pain"),
        /** Quality of life or functioning, dichotomised. */
        QUALITY_OF_LIFE_FUNCTIONING("quality-of-life-functioning", "quality of life / functioning (dichotomised)"),
        /** Mental health indicators. */
        MENTAL_HEALTH("mental-health", "mental health indicators"),
        /** Biological markers, dichotomised. */
        BIOLOGICAL_MARKERS("biological-markers", "biological markers (dichotomised)"),
        /** Subjective outcomes of various kinds. */
        SUBJECTIVE("subjective", "subjective outcomes (various)");

        private final String key;
        private final String label;

        OutcomeType(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /**
         * The key used on the command line, such as {@code all-cause-mortality}.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * The type as Table IV names it.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /** The 5 types of comparison of Turner et al.'s Table IV. */
    public enum ComparisonType {
        /** Pharmacological intervention against placebo or control. */
        PHARMA_VS_CONTROL("pharma-vs-control", "pharmacological vs placebo / control"),
        /** Two pharmacological interventions. */
        PHARMA_VS_PHARMA("pharma-vs-pharma", "pharmacological vs pharmacological"),
        /** Non-pharmacological intervention against placebo or control. */
        NONPHARMA_VS_CONTROL("nonpharma-vs-control", "non-pharmacological vs placebo / control"),
        /** Non-pharmacological against pharmacological intervention. */
        NONPHARMA_VS_PHARMA("nonpharma-vs-pharma", "non-pharmacological vs pharmacological"),
        /** Two non-pharmacological interventions. */
        NONPHARMA_VS_NONPHARMA("nonpharma-vs-nonpharma", "non-pharmacological vs non-pharmacological");

        private final String key;
        private final String label;

        ComparisonType(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /**
         * The key used on the command line, such as {@code nonpharma-vs-control}.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * The type as Table IV names it.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /**
     * One setting of the table with its prior.
     *
     * @param outcome    the outcome type
     * @param comparison the comparison type
     * @param mean       the mean of log tau²
     * @param sd         the standard deviation of log tau²
     * @param note       a disagreement between transcriptions of this cell, or null
     * @serial exclude
     */
    public record Setting(OutcomeType outcome, ComparisonType comparison, double mean, double sd, String note)
            implements java.io.Serializable {
        /**
         * The prior, with its source.
         *
         * @return log tau² ~ N(mean, sd²), marked with the paper, table and setting
         */
        public TauPrior prior() {
            return TauPrior.logNormalTau2(mean, sd).withSource(SOURCE + ": " + outcome.label() + ", " + comparison.label()
                    + (note == null ? "" : " (disputed: " + note + ")"));
        }

        /**
         * The prior median of tau, exp(mean / 2).
         *
         * @return the median between-trial standard deviation
         */
        public double medianTau() {
            return Math.exp(mean / 2);
        }
    }

    private static final List<Setting> TABLE = load();

    private EmpiricalPriors() {
    }

    /**
     * Every setting of Table IV, comparison type by comparison type.
     *
     * @return the 80 settings
     */
    public static List<Setting> turner2015() {
        return TABLE;
    }

    /**
     * The prior of one setting.
     *
     * @param outcome    the outcome type
     * @param comparison the comparison type
     * @return the setting
     */
    public static Setting turner(OutcomeType outcome, ComparisonType comparison) {
        for (Setting s : TABLE) {
            if (s.outcome() == outcome && s.comparison() == comparison) {
                return s;
            }
        }
        throw new IllegalStateException("the bundled table lacks " + outcome + " / " + comparison);
    }

    /**
     * The prior of one setting named by its keys, as on the command line.
     *
     * @param outcome    an outcome key such as {@code all-cause-mortality}
     * @param comparison a comparison key such as {@code nonpharma-vs-control}
     * @return the setting
     * @throws IllegalArgumentException naming the valid keys when one is unknown
     */
    public static Setting turner(String outcome, String comparison) {
        OutcomeType o = Arrays.stream(OutcomeType.values()).filter(x -> x.key().equals(outcome.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown outcome type '" + outcome + "' of Turner et al.'s "
                        + "priors (turner:OUTCOME:COMPARISON); expected one of " + Arrays.stream(OutcomeType.values())
                        .map(OutcomeType::key).collect(Collectors.joining(", "))));
        ComparisonType c = Arrays.stream(ComparisonType.values()).filter(x -> x.key().equals(comparison.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown comparison type '" + comparison + "' of Turner et "
                        + "al.'s priors (turner:OUTCOME:COMPARISON); expected one of " + Arrays.stream(ComparisonType.values())
                        .map(ComparisonType::key).collect(Collectors.joining(", "))));
        return turner(o, c);
    }

    private static List<Setting> load() {
        String name = "turner-2015-table-iv.csv";
        try (InputStream in = EmpiricalPriors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled table " + name + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Setting> out = new ArrayList<>();
            String line = r.readLine();
            if (!"outcome_type,comparison_type,mean_log_tau2,sd_log_tau2,note".equals(line)) {
                throw new IllegalStateException(name + " has an unexpected header: " + line);
            }
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 5);
                String note = f[4].isEmpty() ? null : f[4].substring(1, f[4].length() - 1);
                OutcomeType o = Arrays.stream(OutcomeType.values()).filter(x -> x.key().equals(f[0])).findFirst().orElseThrow();
                ComparisonType c = Arrays.stream(ComparisonType.values()).filter(x -> x.key().equals(f[1])).findFirst().orElseThrow();
                out.add(new Setting(o, c, Double.parseDouble(f[2]), Double.parseDouble(f[3]), note));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
