package org.strokemeta;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.qualify.Qualification;
import org.strokemeta.qualify.Qualifications;
import org.strokemeta.qualify.ValidationCase;

/**
 * The qualification suite: reference cases computed with R (metafor, ordinal, lme4), each run through
 * the engine and every expected value compared within the case's tolerance. An analysis type this
 * version does not support counts as a failure, never as a pass or a skip.
 *
 * <pre>{@code
 * List<Qualification.Outcome> all = Verify.run(Verify.bundledCases());
 * boolean qualified = all.stream().allMatch(Qualification.Outcome::passed);
 * }</pre>
 */
public final class Verify {
    private Verify() {
    }

    /**
     * The reference cases bundled with the product (the shared corpus and the product's own cases).
     *
     * @return the cases, in suite order
     */
    public static List<ValidationCase> bundledCases() {
        return Qualification.loadBundled();
    }

    /**
     * Reads the reference cases of a folder (every {@code *.json} file, in file-name order).
     *
     * @param dir the folder
     * @return the cases; empty when the folder holds none
     * @throws org.strokemeta.data.InputException when a case file is not a valid case (file and line named)
     */
    public static List<ValidationCase> cases(Path dir) {
        return Qualification.load(dir);
    }

    /**
     * Runs one case with every analysis type of the product.
     *
     * @param c the case
     * @return whether it passed, with each mismatch (key, expected, actual, tolerance) or the error that stopped it
     */
    public static Qualification.Outcome run(ValidationCase c) {
        return Qualifications.full().run(c);
    }

    /**
     * Runs cases in order, with every analysis type of the product; a case that fails does not stop the others.
     *
     * @param cases the cases
     * @return one outcome per case, in the order given
     */
    public static List<Qualification.Outcome> run(List<ValidationCase> cases) {
        Qualification suite = Qualifications.full();
        List<Qualification.Outcome> out = new ArrayList<>(cases.size());
        for (ValidationCase c : cases) {
            out.add(suite.run(c));
        }
        return List.copyOf(out);
    }
}
